-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE customers [PRE_LOAD]
CREATE TABLE customers (
    id bigint NOT NULL,
    last_name varchar(40) NULL,
    status char(1) NULL,
    created datetime NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- INDEX customers.cust_upper_name_ix [POST_LOAD]
--   TO-MY-0506 LOW: Index CUST_UPPER_NAME_IX on expression UPPER(last_name)
CREATE INDEX cust_upper_name_ix ON customers ((UPPER(last_name)));

-- INDEX customers.cust_status_bix [POST_LOAD]
--   TO-MY-0503 LOW: bitmap index CUST_STATUS_BIX became a B-tree index
CREATE INDEX cust_status_bix ON customers (status);

-- INDEX customers.cust_created_rix [POST_LOAD]
--   TO-MY-0503 LOW: reverse index CUST_CREATED_RIX became a B-tree index
CREATE INDEX cust_created_rix ON customers (created DESC);

-- INDEX customers.cust_name_uix [POST_LOAD]
CREATE UNIQUE INDEX cust_name_uix ON customers (last_name, id);

-- INDEX customers.cust_trunc_ix [POST_LOAD]
--   TO-MY-0201 HIGH: function TRUNC() has no MySQL translation
--   TO-MY-0506 LOW: Index CUST_TRUNC_IX on expression TRUNC(created)
-- NOT CONVERTED

