-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.customers [PRE_LOAD] from line 1
CREATE TABLE golden.customers (
    id bigint NOT NULL,
    last_name varchar(40),
    status char(1),
    created timestamp(0),
    PRIMARY KEY (id)
);

-- INDEX golden.cust_upper_name_ix [POST_LOAD] from line 7
CREATE INDEX cust_upper_name_ix ON golden.customers ((upper(last_name)));

-- INDEX golden.cust_status_bix [POST_LOAD] from line 8
--   ORA-PG-0101 INFO @8:1: Bitmap index CUST_STATUS_BIX became a B-tree index
CREATE INDEX cust_status_bix ON golden.customers (status);

-- INDEX golden.cust_created_rix [POST_LOAD] from line 9
--   ORA-PG-0102 LOW @9:1: Reverse-key index CUST_CREATED_RIX became a B-tree index
CREATE INDEX cust_created_rix ON golden.customers (created DESC);

-- INDEX golden.cust_name_uix [POST_LOAD] from line 10
CREATE UNIQUE INDEX cust_name_uix ON golden.customers (last_name, id);

-- INDEX golden.cust_trunc_ix [POST_LOAD] from line 11
--   ORA-PG-0507 LOW @11:42: TRUNC(created) taken as a date truncation
CREATE INDEX cust_trunc_ix ON golden.customers ((date_trunc('day', created)));

