-- SCHEMA golden [PRE_LOAD]
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4;

-- TABLE emp [PRE_LOAD]
CREATE TABLE emp (
    id INT NOT NULL,
    name VARCHAR(50) NULL,
    dept VARCHAR(20) NULL,
    salary DECIMAL(10,2) NULL,
    active TINYINT(1) NULL,
    hired DATETIME NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;

-- VIEW emp_summary [POST_LOAD]
CREATE VIEW emp_summary AS
SELECT dept, GROUP_CONCAT(name ORDER BY name SEPARATOR '; ') AS names, COUNT(*) AS n, SUM(salary) DIV 1000 AS k
FROM emp GROUP BY dept;

-- VIEW emp_flags [POST_LOAD]
CREATE VIEW emp_flags AS
SELECT id, IF(active, CONCAT_WS(' ', 'active', name), IFNULL(name, 'n/a')), DATE_FORMAT(hired, '%d.%m.%Y'),
       DATE_ADD(hired, INTERVAL 1 YEAR)
FROM emp WHERE salary <=> NULL OR CAST(dept AS CHAR) LIKE 'it\_%' LIMIT 5, 10;

