-- TABLE main.All_Types [PRE_LOAD] AUTO_WITH_WARNINGS
--   XX-SQ-0103 INFO: Column id: the auto-number became the rowid
--   XX-SQ-0102 LOW: Column b1: DEFAULT b'1' left out
--   XX-SQ-0102 LOW: Column dtm: DEFAULT CURRENT_TIMESTAMP(3) left out
--   XX-SQ-0105 LOW: Column full_name: generated as CONCAT(v, ' ', c) in the source; a plain column here
--   XX-SQ-0101 INFO: Columns stored by affinity: tm TIME(2) → TEXT, e ENUM('small','medium','it''s') → TEXT, st SET('a','b','c') → TEXT, j JSON → TEXT
CREATE TABLE "All_Types" (
    "id" INTEGER NOT NULL,
    "t1" BOOLEAN NOT NULL DEFAULT 0,
    "t" INTEGER DEFAULT '7',
    "s" INTEGER,
    "m" INTEGER,
    "i" INTEGER,
    "d" NUMERIC(10,2) NOT NULL DEFAULT 0.00,
    "f" REAL,
    "dbl" REAL,
    "b1" BOOLEAN,
    "b8" INTEGER,
    "c" CHAR(3),
    "v" VARCHAR(100),
    "tt" TEXT,
    "lt" TEXT,
    "bl" BLOB,
    "vb" BLOB,
    "dt" DATE DEFAULT '0000-00-00',
    "dtm" DATETIME,
    "ts" DATETIME,
    "tm" TEXT,
    "y" INTEGER,
    "e" TEXT DEFAULT 'small',
    "st" TEXT,
    "j" TEXT,
    "full_name" VARCHAR(201),
    PRIMARY KEY ("id")
);

