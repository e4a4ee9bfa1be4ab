-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE orders [PRE_LOAD]
CREATE TABLE orders (
    order_id bigint NOT NULL,
    status varchar(20) NULL,
    amount decimal(12,2) NULL,
    created_at datetime NULL,
    updated_at datetime NULL,
    PRIMARY KEY (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE order_audit [PRE_LOAD]
CREATE TABLE order_audit (
    order_id bigint NULL,
    action varchar(10) NULL,
    old_status varchar(20) NULL,
    new_status varchar(20) NULL,
    at datetime NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- VIEW open_orders [POST_LOAD]
CREATE VIEW open_orders AS
SELECT order_id, status, amount FROM orders WHERE status = 'NEW';

-- TRIGGER orders_biud [POST_LOAD]
--   TO-MY-0402 HIGH: trigger ORDERS_BIUD (BEFORE INSERT/UPDATE/DELETE on ORDERS, ROW) is not converted
-- NOT CONVERTED

-- TRIGGER orders_big_au [POST_LOAD]
--   TO-MY-0402 HIGH: trigger ORDERS_BIG_AU (AFTER UPDATE on ORDERS, ROW) is not converted
-- NOT CONVERTED

-- TRIGGER orders_stmt_ad [POST_LOAD]
--   TO-MY-0402 HIGH: trigger ORDERS_STMT_AD (AFTER DELETE on ORDERS, STATEMENT) is not converted
-- NOT CONVERTED

-- TRIGGER open_orders_ioi [POST_LOAD]
--   TO-MY-0402 HIGH: trigger OPEN_ORDERS_IOI (INSTEAD_OF INSERT on OPEN_ORDERS, ROW) is not converted
-- NOT CONVERTED

-- TRIGGER orders_ct [POST_LOAD]
--   TO-MY-0402 HIGH: trigger ORDERS_CT (COMPOUND INSERT on ORDERS, STATEMENT) is not converted
-- NOT CONVERTED

