-- TABLE main.Artist [PRE_LOAD] AUTO
CREATE TABLE "Artist" (
    "ArtistId" INTEGER NOT NULL,
    "Name" NVARCHAR(120),
    CONSTRAINT "PK_Artist" PRIMARY KEY ("ArtistId")
);

-- TABLE main.counter [PRE_LOAD] AUTO
--   XX-SQ-0103 INFO: Column id: the auto-number became the rowid
CREATE TABLE "counter" (
    "id" INTEGER NOT NULL,
    "label" VARCHAR(40) NOT NULL DEFAULT 'none',
    "price" NUMERIC(10,2) DEFAULT 0,
    "ratio" REAL,
    "blobby" BLOB,
    "anything" BLOB,
    "flag" BOOLEAN NOT NULL DEFAULT 0,
    "created" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "born" DATE,
    "weird" VARYING CHARACTER(10),
    "amount" MONEYISH,
    "big" UNSIGNED BIG INT,
    PRIMARY KEY ("id")
);

-- TABLE main.pairs [PRE_LOAD] AUTO
CREATE TABLE "pairs" (
    "a" TEXT NOT NULL,
    "b" INTEGER NOT NULL,
    PRIMARY KEY ("a", "b")
);

-- TABLE main.strict_t [PRE_LOAD] AUTO
CREATE TABLE "strict_t" (
    "id" INTEGER NOT NULL,
    "v" ANY,
    "n" INT,
    PRIMARY KEY ("id")
);

