-- TABLE main.customer [PRE_LOAD] AUTO
--   XX-SQ-0103 INFO: Column id: the auto-number became the rowid
--   XX-SQ-0101 INFO: Columns stored by affinity: mood mood → TEXT, credit positive_int → TEXT, created_at TIMESTAMPTZ → DATETIME
CREATE TABLE "customer" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "Email" VARCHAR(200),
    "mood" TEXT DEFAULT 'ok',
    "credit" TEXT,
    "tags" TEXT,
    "created_at" DATETIME DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("id")
);

-- TABLE main.invoice [PRE_LOAD] AUTO_WITH_WARNINGS
--   XX-SQ-0103 INFO: Column invoice_id: the auto-number became the rowid
--   XX-SQ-0102 LOW: Column number: auto-number nextval('invoice_no') left out: only a single INTEGER primary key is numbered by SQLite
--   XX-SQ-0105 LOW: Column net: generated as amount / 1.2 in the source; a plain column here
--   XX-SQ-0105 LOW: Check constraint (amount >= 0) not carried over
CREATE TABLE "invoice" (
    "invoice_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "amount" NUMERIC(12,2) NOT NULL,
    "net" NUMERIC(12,2),
    CONSTRAINT "invoice_pkey" PRIMARY KEY ("invoice_id"),
    FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE
);

-- TABLE main.measurement [PRE_LOAD] AUTO
CREATE TABLE "measurement" (
    "city_id" INTEGER NOT NULL,
    "logdate" DATE NOT NULL,
    "peaktemp" INTEGER
);

-- INDEX main.customer_Email_key [POST_LOAD] AUTO
CREATE UNIQUE INDEX "customer_Email_key" ON "customer" ("Email");

-- INDEX main.customer_lower_name [POST_LOAD] MANUAL
--   XX-SQ-0107 LOW: Index customer_lower_name on customer (btree) is not a plain column index
-- NOT CONVERTED

-- INDEX main.invoice_customer_idx [POST_LOAD] AUTO
CREATE INDEX "invoice_customer_idx" ON "invoice" ("customer_id");

-- SEQUENCE main.invoice_no [POST_LOAD] MANUAL
--   XX-SQ-0104 MEDIUM: sequence invoice_no is not converted for SQLite
-- NOT CONVERTED

-- TYPE main.mood [POST_LOAD] MANUAL
--   XX-SQ-0104 MEDIUM: type mood is not converted for SQLite
-- NOT CONVERTED

-- TYPE main.positive_int [POST_LOAD] MANUAL
--   XX-SQ-0104 MEDIUM: type positive_int is not converted for SQLite
-- NOT CONVERTED

