-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE dept [PRE_LOAD]
CREATE TABLE dept (
    dept_id smallint NOT NULL,
    name varchar(30) NULL,
    loc varchar(20) NULL,
    PRIMARY KEY (dept_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE emp [PRE_LOAD]
CREATE TABLE emp (
    emp_id int NOT NULL,
    name varchar(30) NULL,
    mgr_id int NULL,
    dept_id smallint NULL,
    commission decimal(4,2) NULL,
    hired datetime NULL,
    PRIMARY KEY (emp_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- VIEW emp_nvl [POST_LOAD]
--   TO-MY-0204 INFO: NVL → IFNULL
--   TO-MY-0204 INFO: NVL2 → IF
--   TO-MY-0204 INFO: DECODE → CASE
CREATE VIEW emp_nvl AS
SELECT emp_id, IFNULL(commission, 0) AS commission, IF(mgr_id IS NOT NULL, 'Y', 'N') has_mgr,
         CASE WHEN dept_id <=> 10 THEN 'Ten' WHEN dept_id <=> NULL THEN 'None' ELSE 'Other' END dept_label
  FROM emp;

-- VIEW emp_dept_outer [POST_LOAD]
--   TO-MY-0201 HIGH: outer join (+) / KEEP / WITHIN GROUP / bind variable in d.dept_id(+) has no MySQL translation
-- NOT CONVERTED

-- VIEW top_emps [POST_LOAD]
--   TO-MY-0201 HIGH: ROWNUM has no MySQL translation
-- NOT CONVERTED

-- VIEW emp_tree [POST_LOAD]
--   TO-MY-0201 HIGH: LEVEL has no MySQL translation
--   TO-MY-0201 HIGH: START WITH e.mgr_id IS NULL CONNECT BY PRIOR e.emp_id = e... has no MySQL translation
-- NOT CONVERTED

-- VIEW depts_without_emps [POST_LOAD]
CREATE VIEW depts_without_emps AS
SELECT dept_id FROM dept EXCEPT SELECT dept_id FROM emp;

-- VIEW today [POST_LOAD]
--   TO-MY-0201 HIGH: function TRUNC() has no MySQL translation
--   TO-MY-0201 HIGH: function ADD_MONTHS() has no MySQL translation
-- NOT CONVERTED

-- VIEW emp_dates [POST_LOAD]
--   TO-MY-0201 HIGH: function TO_CHAR() has no MySQL translation
--   TO-MY-0201 HIGH: function LAST_DAY() has no MySQL translation
-- NOT CONVERTED

