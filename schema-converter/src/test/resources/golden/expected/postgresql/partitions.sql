-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.sales [PRE_LOAD] from line 1
--   ORA-PG-0107 LOW @1:1: range partitioning of sales with 3 partitions
CREATE TABLE golden.sales (
    sale_id bigint,
    sale_date timestamp(0) NOT NULL,
    region varchar(10),
    amount numeric(10,2)
) PARTITION BY RANGE (sale_date);
CREATE TABLE golden.sales_2023 PARTITION OF golden.sales FOR VALUES FROM (MINVALUE) TO (to_date('2024-01-01', 'YYYY-MM-DD')::timestamp(0));
CREATE TABLE golden.sales_2024 PARTITION OF golden.sales FOR VALUES FROM (to_date('2024-01-01', 'YYYY-MM-DD')::timestamp(0)) TO (to_date('2025-01-01', 'YYYY-MM-DD')::timestamp(0));
CREATE TABLE golden.sales_max PARTITION OF golden.sales FOR VALUES FROM (to_date('2025-01-01', 'YYYY-MM-DD')::timestamp(0)) TO (MAXVALUE);

-- TABLE golden.orders_by_region [PRE_LOAD] from line 12
--   ORA-PG-0107 LOW @12:1: list partitioning of orders_by_region with 3 partitions
CREATE TABLE golden.orders_by_region (
    order_id bigint,
    region varchar(10)
) PARTITION BY LIST (region);
CREATE TABLE golden.p_east PARTITION OF golden.orders_by_region FOR VALUES IN ('EAST', 'NE');
CREATE TABLE golden.p_west PARTITION OF golden.orders_by_region FOR VALUES IN ('WEST');
CREATE TABLE golden.p_other PARTITION OF golden.orders_by_region DEFAULT;

