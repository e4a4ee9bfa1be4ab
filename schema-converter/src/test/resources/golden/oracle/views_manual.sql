CREATE TABLE emp (emp_id NUMBER(6) PRIMARY KEY, name VARCHAR2(30), mgr_id NUMBER(6), dept_id NUMBER(4));
CREATE TABLE dept (dept_id NUMBER(4) PRIMARY KEY, loc_id NUMBER(4));
CREATE TABLE loc (loc_id NUMBER(4) PRIMARY KEY, city VARCHAR2(30));
CREATE VIEW emp_outer_complex AS
  SELECT e.name, l.city
  FROM emp e, dept d, loc l
  WHERE e.dept_id = d.dept_id(+) + l.loc_id(+);
CREATE VIEW emp_instr AS
  SELECT emp_id, INSTR(name, 'a', 1, 2) second_a FROM emp;
CREATE VIEW emp_rownum_ordered AS
  SELECT emp_id FROM emp WHERE ROWNUM <= 10 ORDER BY name;
CREATE VIEW emp_tree_join AS
  SELECT e.name, d.loc_id, LEVEL lvl
  FROM emp e JOIN dept d ON e.dept_id = d.dept_id
  CONNECT BY PRIOR e.emp_id = e.mgr_id;
CREATE VIEW emp_on_view AS
  SELECT * FROM emp_instr WHERE second_a > 0;
CREATE OR REPLACE PROCEDURE raise_salary(p_id NUMBER) AS
BEGIN
  UPDATE emp SET name = name WHERE emp_id = p_id;
END;
/
