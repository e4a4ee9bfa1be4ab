CREATE TABLE customers (
  id        NUMBER(10) PRIMARY KEY,
  last_name VARCHAR2(40),
  status    CHAR(1),
  created   DATE
);
CREATE INDEX cust_upper_name_ix ON customers (UPPER(last_name));
CREATE BITMAP INDEX cust_status_bix ON customers (status);
CREATE INDEX cust_created_rix ON customers (created DESC) REVERSE;
CREATE UNIQUE INDEX cust_name_uix ON customers (last_name, id);
CREATE INDEX cust_trunc_ix ON customers (TRUNC(created));
