-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.emp [PRE_LOAD] from line 3
--   MY-PG-0101 INFO @3:1: Column active: tinyint(1) → boolean
CREATE TABLE golden.emp (
    id integer NOT NULL,
    name varchar(50),
    dept varchar(20),
    salary numeric(10,2),
    active boolean,
    hired timestamp(0),
    PRIMARY KEY (id)
);

-- VIEW golden.emp_summary [POST_LOAD] from line 4
--   MY-PG-0123 INFO @5:14: GROUP_CONCAT → string_agg
--   MY-PG-0126 LOW @4:1: DIV rewritten for PostgreSQL
CREATE VIEW golden.emp_summary AS
SELECT dept, string_agg((name)::text, '; ' ORDER BY name) AS names, count(*) AS n, trunc((sum(salary)) / (1000))::bigint AS k
FROM golden.emp GROUP BY dept;

-- VIEW golden.emp_flags [POST_LOAD] from line 7
--   MY-PG-0126 LOW @7:1: IF() rewritten for PostgreSQL
--   MY-PG-0117 MEDIUM @8:77: DATE_FORMAT → to_char
--   MY-PG-0126 LOW @7:1: LIMIT a, b rewritten for PostgreSQL
CREATE VIEW golden.emp_flags (emp_id, label, since, next_review) AS
SELECT id, CASE WHEN (active)::boolean THEN concat_ws(' ', 'active', name) ELSE COALESCE(name, 'n/a') END, to_char(hired, 'DD.MM.YYYY'),
(hired + interval '1 years')
FROM golden.emp WHERE salary IS NOT DISTINCT FROM NULL OR CAST(dept AS text) LIKE 'it\_%' LIMIT 10 OFFSET 5;

