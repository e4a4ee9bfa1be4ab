-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE emp [PRE_LOAD]
CREATE TABLE emp (
    emp_id int NOT NULL,
    name varchar(30) NULL,
    mgr_id int NULL,
    dept_id smallint NULL,
    PRIMARY KEY (emp_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE dept [PRE_LOAD]
CREATE TABLE dept (
    dept_id smallint NOT NULL,
    loc_id smallint NULL,
    PRIMARY KEY (dept_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE loc [PRE_LOAD]
CREATE TABLE loc (
    loc_id smallint NOT NULL,
    city varchar(30) NULL,
    PRIMARY KEY (loc_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- VIEW emp_outer_complex [POST_LOAD]
--   TO-MY-0201 HIGH: outer join (+) / KEEP / WITHIN GROUP / bind variable in d.dept_id(+) has no MySQL translation
--   TO-MY-0201 HIGH: outer join (+) / KEEP / WITHIN GROUP / bind variable in l.loc_id(+) has no MySQL translation
-- NOT CONVERTED

-- VIEW emp_instr [POST_LOAD]
--   TO-MY-0201 HIGH: function INSTR() has no MySQL translation
-- NOT CONVERTED

-- VIEW emp_rownum_ordered [POST_LOAD]
--   TO-MY-0201 HIGH: ROWNUM has no MySQL translation
-- NOT CONVERTED

-- VIEW emp_tree_join [POST_LOAD]
--   TO-MY-0201 HIGH: LEVEL has no MySQL translation
--   TO-MY-0201 HIGH: CONNECT BY PRIOR e.emp_id = e.mgr_id has no MySQL translation
-- NOT CONVERTED

-- VIEW emp_on_view [POST_LOAD]
CREATE VIEW emp_on_view AS
SELECT * FROM emp_instr WHERE second_a > 0;

-- ROUTINE raise_salary [POST_LOAD]
--   TO-MY-0401 HIGH: procedure RAISE_SALARY (plsql) is not converted to a MySQL stored program
-- NOT CONVERTED

