-- SCHEMA golden [PRE_LOAD] AUTO from line 0
CREATE SCHEMA IF NOT EXISTS golden;

-- TYPE golden.mood [PRE_LOAD] AUTO from line 2
CREATE TYPE golden.mood AS ENUM ('sad', 'ok', 'happy');

-- TYPE golden.positive_int [PRE_LOAD] AUTO from line 3
SET LOCAL search_path TO golden, public;
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);

-- SEQUENCE golden.invoice_no [PRE_LOAD] AUTO from line 4
CREATE SEQUENCE golden.invoice_no INCREMENT BY 10 START WITH 1000;

-- SEQUENCE golden.customer_id_seq [PRE_LOAD] AUTO from line 0
CREATE SEQUENCE golden.customer_id_seq AS integer INCREMENT BY 1 MINVALUE 1 START WITH 1;

-- TABLE golden.customer [PRE_LOAD] AUTO from line 5
SET LOCAL search_path TO golden, public;
CREATE TABLE golden.customer (
    id integer DEFAULT nextval('customer_id_seq'::regclass) NOT NULL,
    name TEXT NOT NULL,
    "Email" VARCHAR(200),
    mood mood DEFAULT 'ok',
    credit positive_int,
    tags TEXT[],
    created_at TIMESTAMPTZ DEFAULT now(),
    PRIMARY KEY (id)
);

-- TABLE golden.invoice [PRE_LOAD] AUTO from line 16
SET LOCAL search_path TO golden, public;
CREATE TABLE golden.invoice (
    invoice_id BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 5) NOT NULL,
    number INTEGER DEFAULT nextval('invoice_no') NOT NULL,
    customer_id INTEGER NOT NULL,
    amount NUMERIC(12,2) NOT NULL,
    net NUMERIC(12,2) GENERATED ALWAYS AS (amount / 1.2) STORED,
    CONSTRAINT invoice_pkey PRIMARY KEY (invoice_id)
);

-- TABLE golden.measurement [PRE_LOAD] AUTO from line 26
SET LOCAL search_path TO golden, public;
CREATE TABLE golden.measurement (
    city_id INT NOT NULL,
    logdate DATE NOT NULL,
    peaktemp INT
) PARTITION BY RANGE (logdate);
CREATE TABLE golden.measurement_2024 PARTITION OF golden.measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE golden.measurement_2025 PARTITION OF golden.measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- COMMENT golden.customer [PRE_LOAD] AUTO from line 5
COMMENT ON TABLE golden.customer IS 'people who buy';
COMMENT ON COLUMN golden.customer.name IS 'full name';

-- SEQUENCE_OWNER golden.customer_id_seq_owned_by [PRE_LOAD] AUTO from line 0
ALTER SEQUENCE golden.customer_id_seq OWNED BY golden.customer.id;

-- INDEX golden.customer_lower_name [POST_LOAD] AUTO from line 25
CREATE UNIQUE INDEX customer_lower_name ON golden.customer ((lower(name))) WHERE name <> '';

-- INDEX golden.invoice_customer_idx [POST_LOAD] AUTO from line 24
CREATE INDEX invoice_customer_idx ON golden.invoice (customer_id);

-- CONSTRAINT golden.customer_Email_key [POST_LOAD] AUTO from line 0
ALTER TABLE golden.customer ADD CONSTRAINT "customer_Email_key" UNIQUE ("Email");

-- CONSTRAINT golden.invoice_check [POST_LOAD] AUTO from line 0
SET LOCAL search_path TO golden, public;
ALTER TABLE golden.invoice ADD CONSTRAINT invoice_check CHECK (amount >= 0);

-- FOREIGN_KEY golden.invoice_customer_id_fkey [POST_LOAD] AUTO from line 0
ALTER TABLE golden.invoice ADD CONSTRAINT invoice_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES golden.customer (id) ON DELETE CASCADE;

