-- SCHEMA ferry_compat [PRE_LOAD] from line 0
CREATE SCHEMA IF NOT EXISTS ferry_compat;

-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.emp [PRE_LOAD] from line 1
CREATE TABLE golden.emp (
    emp_id integer NOT NULL,
    name varchar(30),
    mgr_id integer,
    dept_id smallint,
    PRIMARY KEY (emp_id)
);

-- TABLE golden.dept [PRE_LOAD] from line 2
CREATE TABLE golden.dept (
    dept_id smallint NOT NULL,
    loc_id smallint,
    PRIMARY KEY (dept_id)
);

-- TABLE golden.loc [PRE_LOAD] from line 3
CREATE TABLE golden.loc (
    loc_id smallint NOT NULL,
    city varchar(30),
    PRIMARY KEY (loc_id)
);

-- FUNCTION ferry_compat.instr [PRE_LOAD] from line 0
--   ORA-PG-0528 INFO: Helper ferry_compat.instr emulates the Oracle built-in for the converted objects that call it
CREATE OR REPLACE FUNCTION ferry_compat.instr(str text, sub text, pos integer DEFAULT 1, occ integer DEFAULT 1)
RETURNS integer LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $ferry$
DECLARE
    n integer := length(str);
    m integer := length(sub);
    i integer;
    found integer := 0;
BEGIN
    IF occ < 1 THEN
        RAISE EXCEPTION 'argument % is out of range', occ USING ERRCODE = '22003';
    END IF;
    IF m = 0 THEN
        RETURN NULL; -- Oracle: '' is NULL
    END IF;
    IF pos = 0 THEN
        RETURN 0;
    END IF;
    IF pos > 0 THEN
        i := pos;
        WHILE i <= n - m + 1 LOOP
            IF substr(str, i, m) = sub THEN
                found := found + 1;
                IF found = occ THEN
                    RETURN i;
                END IF;
            END IF;
            i := i + 1;
        END LOOP;
    ELSE
        i := least(n + pos + 1, n - m + 1);
        WHILE i >= 1 LOOP
            IF substr(str, i, m) = sub THEN
                found := found + 1;
                IF found = occ THEN
                    RETURN i;
                END IF;
            END IF;
            i := i - 1;
        END LOOP;
    END IF;
    RETURN 0;
END
$ferry$;

-- VIEW golden.emp_outer_complex [POST_LOAD] from line 4
--   ORA-PG-0512 HIGH @7:9: (+) on unqualified columns or on several tables in one condition
CREATE VIEW golden.emp_outer_complex AS
SELECT e.name, l.city
  FROM golden.emp e, golden.dept d, golden.loc l
  WHERE e.dept_id = d.dept_id(+) + l.loc_id(+);

-- VIEW golden.emp_instr [POST_LOAD] from line 8
--   ORA-PG-0528 INFO @9:18: INSTR with 4 arguments uses helper ferry_compat.instr
CREATE VIEW golden.emp_instr AS
SELECT emp_id, ferry_compat.instr(name, 'a', 1, 2) second_a FROM golden.emp;

-- VIEW golden.emp_rownum_ordered [POST_LOAD] from line 10
--   ORA-PG-0510 HIGH @11:32: ROWNUM outside a WHERE ROWNUM <= n filter became row_number() OVER ()
CREATE VIEW golden.emp_rownum_ordered AS
SELECT emp_id FROM golden.emp WHERE row_number() OVER () <= 10 ORDER BY name;

-- VIEW golden.emp_tree_join [POST_LOAD] from line 12
--   ORA-PG-0514 HIGH @15:3: CONNECT BY query
--   ORA-PG-0514 HIGH @13:28: LEVEL outside a convertible CONNECT BY query
CREATE VIEW golden.emp_tree_join AS
SELECT e.name, d.loc_id, LEVEL lvl
  FROM golden.emp e JOIN golden.dept d ON e.dept_id = d.dept_id
  CONNECT BY PRIOR e.emp_id = e.mgr_id;

-- VIEW golden.emp_on_view [POST_LOAD] from line 16
CREATE VIEW golden.emp_on_view AS
SELECT * FROM golden.emp_instr WHERE second_a > 0;

-- ROUTINE golden.raise_salary [POST_LOAD] from line 18
--   ORA-PG-0630 INFO @18:1: routine raise_salary translated to PL/pgSQL
CREATE OR REPLACE PROCEDURE golden.raise_salary(p_id numeric)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
  UPDATE golden.emp SET name = name WHERE emp_id = p_id;
END;
$$;

