-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- SEQUENCE order_seq [PRE_LOAD]
--   TO-MY-0303 LOW: sequence ORDER_SEQ became a MariaDB SEQUENCE
CREATE SEQUENCE order_seq START WITH 1000 INCREMENT BY 10 NO MAXVALUE NOCACHE NOCYCLE;

-- SEQUENCE big_seq [PRE_LOAD]
--   TO-MY-0303 LOW: sequence BIG_SEQ became a MariaDB SEQUENCE
CREATE SEQUENCE big_seq NO MAXVALUE CACHE 50 CYCLE;

-- TABLE orders [PRE_LOAD]
--   TO-MY-0301 INFO: Column ORDER_ID GENERATED ALWAYS AS IDENTITY became AUTO_INCREMENT
--   TO-MY-0303 LOW: ORDER_SEQ.NEXTVAL → NEXTVAL(order_seq)
--   TO-MY-0302 MEDIUM: Identity column ORDERS.CUSTOMER_ID became a plain column (order_id is the table's AUTO_INCREMENT column)
--   TO-MY-0103 LOW: Column ORDERS.TOTAL NUMBER → decimal(65,30)
CREATE TABLE orders (
    order_id bigint NOT NULL AUTO_INCREMENT,
    legacy_no bigint NULL DEFAULT (NEXTVAL(order_seq)),
    customer_id bigint NULL,
    qty int NOT NULL,
    price decimal(8,2) NULL,
    total decimal(65,30) GENERATED ALWAYS AS (qty * price) VIRTUAL,
    PRIMARY KEY (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

