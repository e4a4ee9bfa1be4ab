-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.session_cart [PRE_LOAD] from line 1
--   ORA-PG-0104 HIGH @1:1: Global temporary table SESSION_CART (preserve rows on commit) was created as a permanent table
CREATE TABLE golden.session_cart (
    item_id bigint,
    qty integer
);

-- TABLE golden.lookup [PRE_LOAD] from line 5
--   ORA-PG-0103 LOW @5:1: Index-organized table LOOKUP became a heap table
CREATE TABLE golden.lookup (
    code varchar(5) NOT NULL,
    name varchar(30),
    CONSTRAINT lookup_pk PRIMARY KEY (code)
);

