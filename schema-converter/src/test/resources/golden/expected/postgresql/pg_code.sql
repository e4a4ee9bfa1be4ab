-- SCHEMA golden [PRE_LOAD] AUTO from line 0
CREATE SCHEMA IF NOT EXISTS golden;

-- SEQUENCE golden.account_id_seq [PRE_LOAD] AUTO from line 7
CREATE SEQUENCE golden.account_id_seq AS integer INCREMENT BY 1 START WITH 1;

-- TABLE golden.account [PRE_LOAD] AUTO from line 2
SET LOCAL search_path TO golden, public;
CREATE TABLE golden.account (
    id integer DEFAULT nextval('account_id_seq'::regclass) NOT NULL,
    owner text NOT NULL,
    balance numeric(12,2) DEFAULT 0 NOT NULL,
    CONSTRAINT account_pkey PRIMARY KEY (id)
);

-- TABLE golden.audit [PRE_LOAD] AUTO from line 11
SET LOCAL search_path TO golden, public;
CREATE TABLE golden.audit (
    at timestamptz DEFAULT now(),
    account_id integer,
    delta numeric
);

-- SEQUENCE_OWNER golden.account_id_seq_owned_by [PRE_LOAD] AUTO from line 7
ALTER SEQUENCE golden.account_id_seq OWNED BY golden.account.id;

-- FOREIGN_KEY golden.audit_account_fk [POST_LOAD] AUTO from line 12
ALTER TABLE golden.audit ADD CONSTRAINT audit_account_fk FOREIGN KEY (account_id) REFERENCES golden.account (id);

-- VIEW golden.rich [POST_LOAD] AUTO from line 13
SET LOCAL search_path TO golden, public;
CREATE VIEW golden.rich AS
SELECT id, owner FROM account WHERE balance > 1000;

-- VIEW golden.very_rich [POST_LOAD] AUTO from line 14
SET LOCAL search_path TO golden, public;
CREATE VIEW golden.very_rich AS
SELECT r.id FROM rich r JOIN account a ON a.id = r.id WHERE a.balance > 1000000;

-- MATERIALIZED_VIEW golden.totals [POST_LOAD] AUTO from line 15
SET LOCAL search_path TO golden, public;
CREATE MATERIALIZED VIEW golden.totals AS
SELECT owner, sum(balance) AS total FROM account GROUP BY owner
WITH NO DATA;

-- ROUTINE golden.log_change() [POST_LOAD] AUTO from line 16
SET LOCAL search_path TO golden, public;
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit (account_id, delta) VALUES (NEW.id, NEW.balance - OLD.balance);
    RETURN NEW;
END;
$$;

-- ROUTINE golden.add(integer, integer) [POST_LOAD] AUTO from line 22
SET LOCAL search_path TO golden, public;
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';

-- ROUTINE golden.reset_balances() [POST_LOAD] AUTO from line 23
SET LOCAL search_path TO golden, public;
CREATE PROCEDURE reset_balances() LANGUAGE sql AS $$ UPDATE account SET balance = 0 $$;

-- TRIGGER golden.account.account_log [POST_LOAD] AUTO from line 24
SET LOCAL search_path TO golden, public;
CREATE TRIGGER account_log AFTER UPDATE OF balance ON account FOR EACH ROW EXECUTE FUNCTION log_change();

-- MATERIALIZED_VIEW_REFRESH golden.totals_refresh [POST_LOAD] AUTO from line 15
REFRESH MATERIALIZED VIEW golden.totals;

