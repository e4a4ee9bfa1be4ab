-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TYPE money_pair [PRE_LOAD]
--   TO-MY-0504 HIGH: composite type money_pair has no MySQL equivalent
-- NOT CONVERTED

-- SEQUENCE invoice_seq [PRE_LOAD]
--   TO-MY-0303 LOW: sequence invoice_seq became a MariaDB SEQUENCE
CREATE SEQUENCE invoice_seq START WITH 1000 INCREMENT BY 1 MINVALUE 1 NO MAXVALUE NOCACHE NOCYCLE;

-- TABLE customers [PRE_LOAD]
--   TO-MY-0104 LOW: Key column customers.email (unbounded text) → varchar(255)
--   TO-MY-0101 INFO: Column customers.active boolean → tinyint(1)
--   TO-MY-0102 LOW: Column customers.created timestamp with time zone → datetime(6)
--   TO-MY-0110 INFO: Column customers.mood: enum type mood became ENUM(...)
--   TO-MY-0106 MEDIUM: Column customers.tags (text[]) became json
--   TO-MY-0107 INFO: Column customers.doc jsonb → json
--   TO-MY-0111 MEDIUM: Column customers.score: domain positive_int became int
CREATE TABLE customers (
    id int NOT NULL AUTO_INCREMENT,
    email varchar(255) NOT NULL,
    name varchar(100) NULL,
    active tinyint(1) NOT NULL DEFAULT 1,
    created datetime(6) NULL DEFAULT (NOW(6)),
    mood enum('sad','ok','happy') NULL DEFAULT ('ok'),
    tags json NULL,
    doc json NULL,
    balance decimal(12,2) NOT NULL DEFAULT (0),
    score int NULL,
    `Display Name` longtext NULL DEFAULT (((CONCAT('Mr ', 'X')))) COMMENT 'shown on invoices',
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='our customers';

-- TABLE orders [PRE_LOAD]
--   TO-MY-0301 INFO: Column id GENERATED ALWAYS AS IDENTITY became AUTO_INCREMENT
--   TO-MY-0103 LOW: Column orders.total numeric → decimal(65,30)
CREATE TABLE orders (
    id bigint NOT NULL AUTO_INCREMENT,
    customer_id int NOT NULL,
    total decimal(65,30) NULL,
    note longtext NULL,
    ordered_on date NOT NULL DEFAULT (CURRENT_DATE),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE a_table_whose_name_is_much_longer_than_the_sixty_four_c_7f471255 [PRE_LOAD]
--   TO-MY-0501 INFO: Table a_table_whose_name_is_much_longer_than_the_sixty_four_characters_mysql_allows renamed to a_table_whose_name_is_much_longer_than_the_sixty_four_c_7f471255
--   TO-MY-0108 LOW: Column a_table_whose_name_is_much_longer_than_the_sixty_four_characters_mysql_allows.ip: inet → varchar(43)
--   TO-MY-0109 HIGH: Column a_table_whose_name_is_much_longer_than_the_sixty_four_characters_mysql_allows.shape: type point has no MySQL mapping
-- NOT CONVERTED

-- INDEX orders.orders_open_idx [POST_LOAD]
--   TO-MY-0502 MEDIUM: Partial index orders_open_idx (WHERE (total > (0)::numeric)) covers all rows
CREATE INDEX orders_open_idx ON orders (customer_id);

-- INDEX orders.orders_open_uidx [POST_LOAD]
--   TO-MY-0502 MEDIUM: Partial index orders_open_uidx (WHERE (total IS NULL)) is not converted
-- NOT CONVERTED

-- INDEX orders.orders_note_lower_idx [POST_LOAD]
--   TO-MY-0506 LOW: Index orders_note_lower_idx on expression lower(note)
CREATE INDEX orders_note_lower_idx ON orders ((LOWER(note)));

-- INDEX orders.orders_note_gin [POST_LOAD]
--   TO-MY-0503 LOW: gin index orders_note_gin has no InnoDB equivalent
--   TO-MY-0105 LOW: Index orders_note_gin: column note (longtext) is indexed on its first 255 characters
-- NOT CONVERTED

-- INDEX orders.orders_note_idx [POST_LOAD]
--   TO-MY-0105 LOW: Index orders_note_idx: column note (longtext) is indexed on its first 255 characters
CREATE INDEX orders_note_idx ON orders (note(255));

-- INDEX orders.orders_ordered_on_idx [POST_LOAD]
--   TO-MY-0503 LOW: hash index orders_ordered_on_idx became a B-tree index
CREATE INDEX orders_ordered_on_idx ON orders (ordered_on DESC);

-- CONSTRAINT customers.customers_email_key [POST_LOAD]
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);

-- CONSTRAINT customers_balance_check [POST_LOAD]
ALTER TABLE customers ADD CONSTRAINT customers_balance_check CHECK ((balance >= 0));

-- CONSTRAINT customers_name_check [POST_LOAD]
--   TO-MY-0201 HIGH: operator ~ has no MySQL translation
-- NOT CONVERTED

-- FOREIGN_KEY orders_customer_id_fkey [POST_LOAD]
--   TO-MY-0305 LOW: Foreign key orders_customer_id_fkey: ON UPDATE SET DEFAULT became NO ACTION (InnoDB rejects SET DEFAULT)
--   TO-MY-0304 LOW: Foreign key orders_customer_id_fkey was DEFERRABLE
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;

-- VIEW customer_totals [POST_LOAD]
--   TO-MY-0201 HIGH: date/time arithmetic CURRENT_DATE - 30 (days in PostgreSQL, numbers in MySQL) has no MySQL translation
-- NOT CONVERTED

-- VIEW latest_order [POST_LOAD]
--   TO-MY-0201 HIGH: DISTINCT ON has no MySQL translation
-- NOT CONVERTED

-- VIEW order_counts [POST_LOAD]
--   TO-MY-0504 HIGH: materialized view order_counts: MySQL has none (create a table refreshed by an event, or a plain view)
-- NOT CONVERTED

-- ROUTINE touch [POST_LOAD]
--   TO-MY-0401 HIGH: function touch (plpgsql) is not converted to a MySQL stored program
-- NOT CONVERTED

-- TRIGGER customers_touch [POST_LOAD]
--   TO-MY-0402 HIGH: trigger customers_touch (BEFORE UPDATE on customers, ROW) is not converted
-- NOT CONVERTED

