-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE products [PRE_LOAD]
CREATE TABLE products (
    product_id int NOT NULL,
    product_name varchar(100) NULL,
    product_details longblob NULL,
    PRIMARY KEY (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE orders_doc [PRE_LOAD]
CREATE TABLE orders_doc (
    order_id int NOT NULL,
    doc longtext NULL,
    PRIMARY KEY (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- VIEW product_reviews [POST_LOAD]
--   TO-MY-0201 HIGH: JSON_TABLE / TABLE() / LATERAL / ONLY / table function in FROM has no MySQL translation
-- NOT CONVERTED

-- VIEW order_lines [POST_LOAD]
--   TO-MY-0201 HIGH: JSON_TABLE / TABLE() / LATERAL / ONLY / table function in FROM has no MySQL translation
-- NOT CONVERTED

-- VIEW order_has_gift [POST_LOAD]
--   TO-MY-0201 HIGH: JSON_TABLE / TABLE() / LATERAL / ONLY / table function in FROM has no MySQL translation
-- NOT CONVERTED

-- VIEW order_big_lines [POST_LOAD]
--   TO-MY-0201 HIGH: JSON_TABLE / TABLE() / LATERAL / ONLY / table function in FROM has no MySQL translation
-- NOT CONVERTED

-- VIEW order_strict [POST_LOAD]
--   TO-MY-0201 HIGH: JSON_TABLE / TABLE() / LATERAL / ONLY / table function in FROM has no MySQL translation
-- NOT CONVERTED

