-- PostgreSQL features of a schema other than public, for the live PostgreSQL → PostgreSQL copy (renamed)
CREATE SCHEMA shop;
SET search_path TO shop;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE TYPE price_range AS RANGE (subtype = numeric);
CREATE SEQUENCE invoice_no START WITH 1000 INCREMENT BY 10;
CREATE TABLE customer (
    id serial PRIMARY KEY,
    name text NOT NULL COLLATE "C",
    "Email" varchar(200) UNIQUE,
    mood mood DEFAULT 'ok',
    credit positive_int,
    home address,
    tags text[],
    created_at timestamptz DEFAULT now()
);
COMMENT ON TABLE customer IS 'people who buy';
COMMENT ON COLUMN customer.name IS 'full name';
CREATE TABLE invoice (
    invoice_id bigint GENERATED ALWAYS AS IDENTITY (START WITH 5),
    number integer NOT NULL DEFAULT nextval('invoice_no'),
    customer_id integer NOT NULL REFERENCES customer (id) ON DELETE CASCADE DEFERRABLE,
    amount numeric(12,2) NOT NULL CHECK (amount >= 0),
    net numeric(12,2) GENERATED ALWAYS AS (amount / 1.2) STORED,
    band price_range,
    CONSTRAINT invoice_pkey PRIMARY KEY (invoice_id)
);
CREATE INDEX invoice_customer_idx ON invoice (customer_id);
CREATE INDEX invoice_amount_brin ON invoice USING brin (amount);
CREATE UNIQUE INDEX customer_lower_name ON customer (lower(name)) WHERE name <> '';
CREATE TABLE measurement (city_id int NOT NULL, logdate date NOT NULL, peaktemp int) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE UNLOGGED TABLE scratch (k text PRIMARY KEY, v jsonb);
CREATE VIEW big_invoices AS SELECT i.invoice_id, c.name FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.amount > 1000;
CREATE VIEW very_big AS SELECT invoice_id FROM big_invoices WHERE invoice_id > 10 WITH LOCAL CHECK OPTION;
CREATE MATERIALIZED VIEW totals AS SELECT customer_id, sum(amount) AS total FROM invoice GROUP BY customer_id;
CREATE FUNCTION shop.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END;
$$;
CREATE PROCEDURE reset_credit() LANGUAGE sql AS $$ UPDATE shop.customer SET credit = NULL $$;
CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER customer_touch_off BEFORE INSERT ON customer FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE customer DISABLE TRIGGER customer_touch_off;
SELECT setval('invoice_no', 1500);
