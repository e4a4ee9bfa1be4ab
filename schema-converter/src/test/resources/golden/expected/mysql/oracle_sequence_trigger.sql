-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- SEQUENCE dept_seq [PRE_LOAD]
--   TO-MY-0303 LOW: sequence DEPT_SEQ became a MariaDB SEQUENCE
CREATE SEQUENCE dept_seq START WITH 10 INCREMENT BY 10 NO MAXVALUE NOCACHE NOCYCLE;

-- SEQUENCE emp_seq [PRE_LOAD]
--   TO-MY-0303 LOW: sequence EMP_SEQ became a MariaDB SEQUENCE
CREATE SEQUENCE emp_seq NO MAXVALUE NOCACHE NOCYCLE;

-- TABLE dept [PRE_LOAD]
CREATE TABLE dept (
    dept_id int NOT NULL,
    name varchar(30) NULL,
    PRIMARY KEY (dept_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE emp [PRE_LOAD]
CREATE TABLE emp (
    emp_id bigint NOT NULL,
    name varchar(30) NULL,
    PRIMARY KEY (emp_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE audit_log [PRE_LOAD]
CREATE TABLE audit_log (
    id bigint NULL,
    msg varchar(100) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TRIGGER dept_bi [POST_LOAD]
--   TO-MY-0402 HIGH: trigger DEPT_BI (BEFORE INSERT on DEPT, ROW) is not converted
-- NOT CONVERTED

-- TRIGGER emp_bi [POST_LOAD]
--   TO-MY-0402 HIGH: trigger EMP_BI (BEFORE INSERT on EMP, ROW) is not converted
-- NOT CONVERTED

-- TRIGGER audit_bi [POST_LOAD]
--   TO-MY-0402 HIGH: trigger AUDIT_BI (BEFORE INSERT on AUDIT_LOG, ROW) is not converted
-- NOT CONVERTED

