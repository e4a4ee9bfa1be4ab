-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- SEQUENCE golden.dept_seq [PRE_LOAD] from line 1
CREATE SEQUENCE golden.dept_seq INCREMENT BY 10 START WITH 10;

-- SEQUENCE golden.emp_seq [PRE_LOAD] from line 2
CREATE SEQUENCE golden.emp_seq;

-- TABLE golden.dept [PRE_LOAD] from line 3
CREATE TABLE golden.dept (
    dept_id integer NOT NULL,
    name varchar(30),
    PRIMARY KEY (dept_id)
);

-- TABLE golden.emp [PRE_LOAD] from line 4
CREATE TABLE golden.emp (
    emp_id bigint NOT NULL,
    name varchar(30),
    PRIMARY KEY (emp_id)
);

-- TABLE golden.audit_log [PRE_LOAD] from line 5
CREATE TABLE golden.audit_log (
    id bigint,
    msg varchar(100)
);

-- TRIGGER golden.dept_bi [POST_LOAD] from line 6
--   ORA-PG-0402 INFO @6:1: Trigger DEPT_BI (DEPT_SEQ.NEXTVAL into DEPT.DEPT_ID) became a column default
ALTER TABLE golden.dept ALTER COLUMN dept_id SET DEFAULT nextval('golden.dept_seq');

-- TRIGGER golden.emp_bi [POST_LOAD] from line 15
--   ORA-PG-0403 LOW @15:1: Trigger EMP_BI (EMP_SEQ.NEXTVAL into EMP.EMP_ID) became a column default
ALTER TABLE golden.emp ALTER COLUMN emp_id SET DEFAULT nextval('golden.emp_seq');

-- TRIGGER golden.audit_bi [POST_LOAD] from line 22
--   ORA-PG-0630 INFO @22:1: trigger audit_bi translated to PL/pgSQL
CREATE OR REPLACE FUNCTION golden.audit_bi_fn()
RETURNS trigger
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
  NEW.id := nextval('golden.emp_seq');
  NEW.msg := upper(NEW.msg);
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_bi BEFORE INSERT ON golden.audit_log FOR EACH ROW EXECUTE FUNCTION golden.audit_bi_fn();

