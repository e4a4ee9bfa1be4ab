CREATE TABLE dept (
  dept_id   NUMBER(4) CONSTRAINT dept_pk PRIMARY KEY,
  name      VARCHAR2(30) NOT NULL CONSTRAINT dept_name_uk UNIQUE
);
CREATE TABLE emp (
  emp_id    NUMBER(6),
  dept_id   NUMBER(4),
  mgr_id    NUMBER(6),
  email     VARCHAR2(50),
  salary    NUMBER(8,2),
  CONSTRAINT emp_pk PRIMARY KEY (emp_id),
  CONSTRAINT emp_dept_fk FOREIGN KEY (dept_id) REFERENCES dept ON DELETE CASCADE,
  CONSTRAINT emp_mgr_fk FOREIGN KEY (mgr_id) REFERENCES emp (emp_id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT emp_salary_ck CHECK (salary > 0 AND salary < 1000000),
  CONSTRAINT emp_email_ck CHECK (email <> '') DISABLE
);
ALTER TABLE emp ADD CONSTRAINT emp_email_uk UNIQUE (email);
