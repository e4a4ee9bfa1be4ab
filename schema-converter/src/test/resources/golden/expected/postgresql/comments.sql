-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.regions [PRE_LOAD] from line 1
--   ORA-PG-0201 LOW @1:23: Column REGION_ID: NUMBER → numeric
CREATE TABLE golden.regions (
    region_id numeric NOT NULL,
    region_name varchar(25)
);

-- TABLE golden.MixedCase [PRE_LOAD] from line 4
--   ORA-PG-0303 INFO: Name MixedCase must be quoted in PostgreSQL: "MixedCase"
--   ORA-PG-0303 INFO @4:28: Name Id must be quoted in PostgreSQL: "Id"
--   ORA-PG-0303 INFO @4:56: Name select must be quoted in PostgreSQL: "select"
CREATE TABLE golden."MixedCase" (
    "Id" integer NOT NULL,
    "select" varchar(10),
    user_name varchar(10),
    PRIMARY KEY ("Id")
);

-- COMMENT golden.regions [PRE_LOAD] from line 1
COMMENT ON TABLE golden.regions IS 'Regions table; it''s small.';
COMMENT ON COLUMN golden.regions.region_id IS 'Primary key of regions table.';

