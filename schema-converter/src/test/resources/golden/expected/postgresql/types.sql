-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.type_zoo [PRE_LOAD] from line 1
--   ORA-PG-0201 LOW @2:3: Column N_PLAIN: NUMBER → numeric
--   ORA-PG-0201 LOW @3:3: Column N_STAR: NUMBER(*) → numeric
--   ORA-PG-0202 INFO @4:3: Column N_STAR0: NUMBER(*,0) → numeric(38,0)
--   ORA-PG-0207 LOW @10:3: Column F: FLOAT(10) → double precision
--   ORA-PG-0504 LOW @19:29: SYSDATE became LOCALTIMESTAMP(0)
--   ORA-PG-0203 MEDIUM @26:3: Column RID: ROWID → text
CREATE TABLE golden.type_zoo (
    n_plain numeric,
    n_star numeric,
    n_star0 numeric(38,0),
    n4 smallint,
    n9 integer,
    n18 bigint,
    n20 numeric(20),
    n_dec numeric(8,2),
    f double precision,
    bf real,
    bd double precision,
    vc varchar(30),
    nvc varchar(10),
    c char(2),
    cl text,
    bl bytea,
    rw bytea,
    d timestamp(0) DEFAULT LOCALTIMESTAMP(0),
    ts timestamp(3),
    tstz timestamptz(6),
    tsltz timestamptz(6),
    iym interval year to month,
    ids interval day to second(2),
    x xml,
    rid text,
    status varchar(1) DEFAULT 'N' NOT NULL
);

