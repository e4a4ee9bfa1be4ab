-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.dept [PRE_LOAD] from line 1
CREATE TABLE golden.dept (
    dept_id smallint NOT NULL,
    name varchar(30) NOT NULL,
    CONSTRAINT dept_pk PRIMARY KEY (dept_id)
);

-- TABLE golden.emp [PRE_LOAD] from line 5
CREATE TABLE golden.emp (
    emp_id integer NOT NULL,
    dept_id smallint,
    mgr_id integer,
    email varchar(50),
    salary numeric(8,2),
    CONSTRAINT emp_pk PRIMARY KEY (emp_id)
);

-- CONSTRAINT golden.dept_name_uk [POST_LOAD] from line 1
ALTER TABLE golden.dept ADD CONSTRAINT dept_name_uk UNIQUE (name);

-- CONSTRAINT golden.emp_email_uk [POST_LOAD] from line 17
ALTER TABLE golden.emp ADD CONSTRAINT emp_email_uk UNIQUE (email);

-- CONSTRAINT golden.emp_salary_ck [POST_LOAD] from line 5
ALTER TABLE golden.emp ADD CONSTRAINT emp_salary_ck CHECK (salary > 0 AND salary < 1000000);

-- CONSTRAINT golden.emp_email_ck [POST_LOAD] from line 5
--   ORA-PG-0501 MEDIUM @15:43: '' is NULL in Oracle but an empty string in PostgreSQL
--   ORA-PG-0110 MEDIUM @5:1: Check constraint EMP_EMAIL_CK is disabled in Oracle
ALTER TABLE golden.emp ADD CONSTRAINT emp_email_ck CHECK (email <> '') NOT VALID;

-- FOREIGN_KEY golden.emp_dept_fk [POST_LOAD] from line 5
ALTER TABLE golden.emp ADD CONSTRAINT emp_dept_fk FOREIGN KEY (dept_id) REFERENCES golden.dept (dept_id) ON DELETE CASCADE;

-- FOREIGN_KEY golden.emp_mgr_fk [POST_LOAD] from line 5
ALTER TABLE golden.emp ADD CONSTRAINT emp_mgr_fk FOREIGN KEY (mgr_id) REFERENCES golden.emp (emp_id) DEFERRABLE INITIALLY DEFERRED;

