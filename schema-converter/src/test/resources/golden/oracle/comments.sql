CREATE TABLE regions (region_id NUMBER NOT NULL, region_name VARCHAR2(25));
COMMENT ON TABLE regions IS 'Regions table; it''s small.';
COMMENT ON COLUMN regions.region_id IS 'Primary key of regions table.';
CREATE TABLE "MixedCase" ("Id" NUMBER(5) PRIMARY KEY, "select" VARCHAR2(10), user_name VARCHAR2(10));
