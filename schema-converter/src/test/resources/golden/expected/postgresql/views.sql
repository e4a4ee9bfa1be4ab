-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.dept [PRE_LOAD] from line 1
CREATE TABLE golden.dept (
    dept_id smallint NOT NULL,
    name varchar(30),
    loc varchar(20),
    PRIMARY KEY (dept_id)
);

-- TABLE golden.emp [PRE_LOAD] from line 2
CREATE TABLE golden.emp (
    emp_id integer NOT NULL,
    name varchar(30),
    mgr_id integer,
    dept_id smallint,
    commission numeric(4,2),
    hired timestamp(0),
    PRIMARY KEY (emp_id)
);

-- VIEW golden.emp_nvl [POST_LOAD] from line 4
--   ORA-PG-0502 INFO @6:10: DECODE became CASE
CREATE VIEW golden.emp_nvl AS
SELECT emp_id, COALESCE(commission, 0) AS commission, CASE WHEN mgr_id IS NOT NULL THEN 'Y' ELSE 'N' END has_mgr,
         CASE WHEN dept_id IS NOT DISTINCT FROM 10 THEN 'Ten' WHEN dept_id IS NULL THEN 'None' ELSE 'Other' END dept_label
  FROM golden.emp;

-- VIEW golden.emp_dept_outer [POST_LOAD] from line 8
--   ORA-PG-0511 LOW @11:3: (+) outer join became LEFT JOIN
CREATE VIEW golden.emp_dept_outer AS
SELECT e.name, d.name dept_name
  FROM golden.emp e
  LEFT JOIN golden.dept d ON e.dept_id = d.dept_id
  WHERE e.emp_id > 0;

-- VIEW golden.top_emps [POST_LOAD] from line 13
--   ORA-PG-0509 LOW @14:70: ROWNUM filter became LIMIT 5
CREATE VIEW golden.top_emps AS
SELECT * FROM (SELECT emp_id, name FROM golden.emp ORDER BY emp_id)
LIMIT 5;

-- VIEW golden.emp_tree [POST_LOAD] from line 15
--   ORA-PG-0513 MEDIUM @18:3: CONNECT BY became WITH RECURSIVE
CREATE VIEW golden.emp_tree AS
WITH RECURSIVE ferry_h AS (
  SELECT e.*, 1 AS ferry_level FROM golden.emp e WHERE e.mgr_id IS NULL
  UNION ALL
  SELECT e.*, ferry_h.ferry_level + 1 FROM golden.emp e JOIN ferry_h ON ferry_h.emp_id = e.mgr_id
)
SELECT e.emp_id, e.name, e.ferry_level lvl
FROM ferry_h e;

-- VIEW golden.depts_without_emps [POST_LOAD] from line 20
--   ORA-PG-0515 INFO @21:28: MINUS became EXCEPT
CREATE VIEW golden.depts_without_emps AS
SELECT dept_id FROM golden.dept EXCEPT SELECT dept_id FROM golden.emp;

-- VIEW golden.today [POST_LOAD] from line 22
--   ORA-PG-0520 INFO @22:102: FROM DUAL removed
--   ORA-PG-0504 LOW @22:29: SYSDATE became LOCALTIMESTAMP(0)
--   ORA-PG-0504 LOW @22:51: SYSDATE became LOCALTIMESTAMP(0)
--   ORA-PG-0507 LOW @22:45: TRUNC(LOCALTIMESTAMP(0)) taken as a date truncation
--   ORA-PG-0504 LOW @22:79: SYSDATE became LOCALTIMESTAMP(0)
--   ORA-PG-0516 LOW @22:68: ADD_MONTHS became + interval
CREATE VIEW golden.today AS
SELECT LOCALTIMESTAMP(0) AS now, date_trunc('day', LOCALTIMESTAMP(0)) AS day, (LOCALTIMESTAMP(0) + (1) * interval '1 month') next_month;

-- VIEW golden.emp_dates [POST_LOAD] from line 23
--   ORA-PG-0518 INFO @24:59: LAST_DAY became a date_trunc expression
--   ORA-PG-0501 MEDIUM @27:17: '' is NULL in Oracle but an empty string in PostgreSQL
CREATE VIEW golden.emp_dates AS
SELECT emp_id, to_char(hired, 'YYYY-MM-DD') hired_text, (date_trunc('month', hired) + interval '1 month - 1 day' + (hired - date_trunc('day', hired))) month_end,
         strpos(name, 'a') a_pos, substr(name, 1, 3) initials, concat(name, ' (', emp_id, ')') label
  FROM golden.emp
  WHERE name <> '';

