-- views: the tree-walking translator
USE golden;
CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(50), dept VARCHAR(20), salary DECIMAL(10,2), active TINYINT(1), hired DATETIME);
CREATE VIEW emp_summary AS
SELECT dept, GROUP_CONCAT(name ORDER BY name SEPARATOR '; ') AS names, COUNT(*) AS n, SUM(salary) DIV 1000 AS k
FROM golden.emp GROUP BY dept;
CREATE VIEW emp_flags (emp_id, label, since, next_review) AS
SELECT id, IF(active, CONCAT_WS(' ', 'active', name), IFNULL(name, 'n/a')), DATE_FORMAT(hired, '%d.%m.%Y'),
       DATE_ADD(hired, INTERVAL 1 YEAR)
FROM emp WHERE salary <=> NULL OR CAST(dept AS CHAR) LIKE 'it\_%' LIMIT 5, 10;
