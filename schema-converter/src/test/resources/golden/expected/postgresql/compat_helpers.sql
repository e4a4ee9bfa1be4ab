-- SCHEMA ferry_compat [PRE_LOAD] from line 0
CREATE SCHEMA IF NOT EXISTS ferry_compat;

-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.contracts [PRE_LOAD] from line 1
CREATE TABLE golden.contracts (
    contract_id integer NOT NULL,
    code varchar(40),
    signed timestamp(0),
    ended timestamp(0),
    PRIMARY KEY (contract_id)
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

-- FUNCTION ferry_compat.months_between [PRE_LOAD] from line 0
--   ORA-PG-0528 INFO: Helper ferry_compat.months_between emulates the Oracle built-in for the converted objects that call it
CREATE OR REPLACE FUNCTION ferry_compat.months_between(d1 timestamp, d2 timestamp) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $ferry$
SELECT CASE
    WHEN extract(day from d1) = extract(day from d2)
      OR (d1::date = (date_trunc('month', d1) + interval '1 month - 1 day')::date
          AND d2::date = (date_trunc('month', d2) + interval '1 month - 1 day')::date)
    THEN (extract(year from d1) - extract(year from d2)) * 12 + extract(month from d1) - extract(month from d2)
    ELSE (extract(year from d1) - extract(year from d2)) * 12 + extract(month from d1) - extract(month from d2)
      + (extract(day from d1) - extract(day from d2)) / 31.0
      + (extract(epoch from d1::time) - extract(epoch from d2::time)) / (86400 * 31.0)
END
$ferry$;

-- VIEW golden.contract_terms [POST_LOAD] from line 2
--   ORA-PG-0528 INFO @3:23: MONTHS_BETWEEN uses helper ferry_compat.months_between
--   ORA-PG-0528 INFO @4:10: INSTR with 4 arguments uses helper ferry_compat.instr
--   ORA-PG-0528 INFO @4:46: INSTR with 3 arguments uses helper ferry_compat.instr
CREATE VIEW golden.contract_terms AS
SELECT contract_id, ferry_compat.months_between(ended, signed) months_run,
         ferry_compat.instr(code, '-', 1, 2) second_dash, ferry_compat.instr(code, '-', -1) last_dash
  FROM golden.contracts;

-- VIEW golden.contract_codes [POST_LOAD] from line 6
CREATE VIEW golden.contract_codes AS
SELECT contract_id, strpos(code, '-') first_dash FROM golden.contracts;

