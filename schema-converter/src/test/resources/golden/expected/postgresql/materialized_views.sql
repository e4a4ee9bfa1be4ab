-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.sales [PRE_LOAD] from line 1
CREATE TABLE golden.sales (
    sale_id bigint NOT NULL,
    region varchar(10),
    amount numeric(10,2),
    PRIMARY KEY (sale_id)
);

-- MATERIALIZED_VIEW golden.sales_by_region [POST_LOAD] from line 2
CREATE MATERIALIZED VIEW golden.sales_by_region AS
SELECT region, sum(amount) total, count(*) n FROM golden.sales GROUP BY region;

-- MATERIALIZED_VIEW golden.sales_fast [POST_LOAD] from line 6
--   ORA-PG-0524 MEDIUM @6:1: Materialized view sales_fast: REFRESH FAST ON COMMIT
--   ORA-PG-0525 LOW @6:1: Materialized view sales_fast had ENABLE QUERY REWRITE
CREATE MATERIALIZED VIEW golden.sales_fast (region, total) AS
SELECT region, COALESCE(sum(amount), 0) FROM golden.sales GROUP BY region
WITH NO DATA;

