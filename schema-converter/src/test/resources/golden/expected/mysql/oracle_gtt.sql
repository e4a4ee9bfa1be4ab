-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE session_cart [PRE_LOAD]
--   TO-MY-0504 HIGH: global_temporary table SESSION_CART became a regular table
CREATE TABLE session_cart (
    item_id bigint NULL,
    qty int NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE lookup [PRE_LOAD]
CREATE TABLE lookup (
    code varchar(5) NOT NULL,
    name varchar(30) NULL,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

