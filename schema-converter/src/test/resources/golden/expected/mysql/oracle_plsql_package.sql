-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE items [PRE_LOAD]
CREATE TABLE items (
    item_id bigint NOT NULL,
    name varchar(100) NULL,
    price decimal(10,2) NULL,
    PRIMARY KEY (item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- PACKAGE item_api [POST_LOAD]
--   TO-MY-0403 HIGH: package ITEM_API is not converted
-- NOT CONVERTED

