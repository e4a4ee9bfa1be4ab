-- PostgreSQL → PostgreSQL: tables, serial and identity columns, keys, checks, indexes, comments, partitions
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE SEQUENCE invoice_no START WITH 1000 INCREMENT BY 10;
CREATE TABLE customer (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    "Email" VARCHAR(200) UNIQUE,
    mood mood DEFAULT 'ok',
    credit positive_int,
    tags TEXT[],
    created_at TIMESTAMPTZ DEFAULT now()
);
COMMENT ON TABLE customer IS 'people who buy';
COMMENT ON COLUMN customer.name IS 'full name';
CREATE TABLE invoice (
    invoice_id BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 5),
    number INTEGER NOT NULL DEFAULT nextval('invoice_no'),
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    amount NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
    net NUMERIC(12,2) GENERATED ALWAYS AS (amount / 1.2) STORED,
    CONSTRAINT invoice_pkey PRIMARY KEY (invoice_id)
);
CREATE INDEX invoice_customer_idx ON invoice (customer_id);
CREATE UNIQUE INDEX customer_lower_name ON customer (lower(name)) WHERE name <> '';
CREATE TABLE measurement (
    city_id INT NOT NULL,
    logdate DATE NOT NULL,
    peaktemp INT
) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
