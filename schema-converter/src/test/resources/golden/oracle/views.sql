CREATE TABLE dept (dept_id NUMBER(4) PRIMARY KEY, name VARCHAR2(30), loc VARCHAR2(20));
CREATE TABLE emp (emp_id NUMBER(6) PRIMARY KEY, name VARCHAR2(30), mgr_id NUMBER(6), dept_id NUMBER(4),
  commission NUMBER(4,2), hired DATE);
CREATE VIEW emp_nvl AS
  SELECT emp_id, NVL(commission, 0) AS commission, NVL2(mgr_id, 'Y', 'N') has_mgr,
         DECODE(dept_id, 10, 'Ten', NULL, 'None', 'Other') dept_label
  FROM emp;
CREATE VIEW emp_dept_outer AS
  SELECT e.name, d.name dept_name
  FROM emp e, dept d
  WHERE e.dept_id = d.dept_id(+)
    AND e.emp_id > 0;
CREATE VIEW top_emps AS
  SELECT * FROM (SELECT emp_id, name FROM emp ORDER BY emp_id) WHERE ROWNUM <= 5;
CREATE VIEW emp_tree AS
  SELECT e.emp_id, e.name, LEVEL lvl
  FROM emp e
  START WITH e.mgr_id IS NULL
  CONNECT BY PRIOR e.emp_id = e.mgr_id;
CREATE VIEW depts_without_emps AS
  SELECT dept_id FROM dept MINUS SELECT dept_id FROM emp;
CREATE VIEW today AS SELECT SYSDATE AS now, TRUNC(SYSDATE) AS day, ADD_MONTHS(SYSDATE, 1) next_month FROM DUAL;
CREATE VIEW emp_dates AS
  SELECT emp_id, TO_CHAR(hired, 'YYYY-MM-DD') hired_text, LAST_DAY(hired) month_end,
         INSTR(name, 'a') a_pos, SUBSTR(name, 1, 3) initials, name || ' (' || emp_id || ')' label
  FROM emp
  WHERE name <> '';
