-- PostgreSQL → PostgreSQL: views, functions, procedures, triggers, pg_dump-style ALTER TABLE constraints
CREATE TABLE account (
    id integer NOT NULL,
    owner text NOT NULL,
    balance numeric(12,2) DEFAULT 0 NOT NULL
);
CREATE SEQUENCE account_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE account_id_seq OWNED BY account.id;
ALTER TABLE ONLY account ALTER COLUMN id SET DEFAULT nextval('account_id_seq'::regclass);
ALTER TABLE ONLY account ADD CONSTRAINT account_pkey PRIMARY KEY (id);
CREATE TABLE audit (at timestamptz DEFAULT now(), account_id integer, delta numeric);
ALTER TABLE ONLY audit ADD CONSTRAINT audit_account_fk FOREIGN KEY (account_id) REFERENCES account(id);
CREATE VIEW rich AS SELECT id, owner FROM account WHERE balance > 1000;
CREATE VIEW very_rich AS SELECT r.id FROM rich r JOIN account a ON a.id = r.id WHERE a.balance > 1000000;
CREATE MATERIALIZED VIEW totals AS SELECT owner, sum(balance) AS total FROM account GROUP BY owner;
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit (account_id, delta) VALUES (NEW.id, NEW.balance - OLD.balance);
    RETURN NEW;
END;
$$;
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE PROCEDURE reset_balances() LANGUAGE sql AS $$ UPDATE account SET balance = 0 $$;
CREATE TRIGGER account_log AFTER UPDATE OF balance ON account FOR EACH ROW EXECUTE FUNCTION log_change();
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON account USING (owner = current_user);
