-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE sales [PRE_LOAD]
--   TO-MY-0504 HIGH: range partitioning of SALES is not converted: the table is created unpartitioned
CREATE TABLE sales (
    sale_id bigint NULL,
    sale_date datetime NOT NULL,
    region varchar(10) NULL,
    amount decimal(10,2) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE orders_by_region [PRE_LOAD]
--   TO-MY-0504 HIGH: list partitioning of ORDERS_BY_REGION is not converted: the table is created unpartitioned
CREATE TABLE orders_by_region (
    order_id bigint NULL,
    region varchar(10) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

