-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE dept [PRE_LOAD]
CREATE TABLE dept (
    dept_id smallint NOT NULL,
    name varchar(30) NOT NULL,
    PRIMARY KEY (dept_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE emp [PRE_LOAD]
CREATE TABLE emp (
    emp_id int NOT NULL,
    dept_id smallint NULL,
    mgr_id int NULL,
    email varchar(50) NULL,
    salary decimal(8,2) NULL,
    PRIMARY KEY (emp_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- CONSTRAINT dept.dept_name_uk [POST_LOAD]
ALTER TABLE dept ADD CONSTRAINT dept_name_uk UNIQUE (name);

-- CONSTRAINT emp.emp_email_uk [POST_LOAD]
ALTER TABLE emp ADD CONSTRAINT emp_email_uk UNIQUE (email);

-- CONSTRAINT emp_salary_ck [POST_LOAD]
ALTER TABLE emp ADD CONSTRAINT emp_salary_ck CHECK (salary > 0 AND salary < 1000000);

-- CONSTRAINT emp_email_ck [POST_LOAD]
ALTER TABLE emp ADD CONSTRAINT emp_email_ck CHECK (email <> '');

-- FOREIGN_KEY emp_dept_fk [POST_LOAD]
ALTER TABLE emp ADD CONSTRAINT emp_dept_fk FOREIGN KEY (dept_id) REFERENCES dept (dept_id) ON DELETE CASCADE;

-- FOREIGN_KEY emp_mgr_fk [POST_LOAD]
--   TO-MY-0304 LOW: Foreign key emp_mgr_fk was DEFERRABLE
ALTER TABLE emp ADD CONSTRAINT emp_mgr_fk FOREIGN KEY (mgr_id) REFERENCES emp (emp_id);

