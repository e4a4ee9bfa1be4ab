-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE type_zoo [PRE_LOAD]
--   TO-MY-0103 LOW: Column TYPE_ZOO.N_PLAIN NUMBER → decimal(65,30)
--   TO-MY-0103 LOW: Column TYPE_ZOO.N_STAR NUMBER(*) → decimal(65,30)
--   TO-MY-0102 LOW: Column TYPE_ZOO.TSTZ TIMESTAMP WITH TIME ZONE → datetime(6)
--   TO-MY-0102 LOW: Column TYPE_ZOO.TSLTZ TIMESTAMP(6) WITH LOCAL TIME ZONE → datetime(6)
--   TO-MY-0108 LOW: Column TYPE_ZOO.IYM: INTERVAL YEAR(2) TO MONTH → varchar(64)
--   TO-MY-0108 LOW: Column TYPE_ZOO.IDS: INTERVAL DAY(3) TO SECOND(2) → varchar(64)
--   TO-MY-0108 LOW: Column TYPE_ZOO.X: XMLTYPE → longtext
--   TO-MY-0108 LOW: Column TYPE_ZOO.RID: rowid → varchar(4000)
CREATE TABLE type_zoo (
    n_plain decimal(65,30) NULL,
    n_star decimal(65,30) NULL,
    n_star0 decimal(38,0) NULL,
    n4 smallint NULL,
    n9 int NULL,
    n18 bigint NULL,
    n20 decimal(20,0) NULL,
    n_dec decimal(8,2) NULL,
    f double NULL,
    bf float NULL,
    bd double NULL,
    vc varchar(30) NULL,
    nvc varchar(10) NULL,
    c char(2) NULL,
    cl longtext NULL,
    bl longblob NULL,
    rw varbinary(16) NULL,
    d datetime NULL DEFAULT (NOW()),
    ts datetime(3) NULL,
    tstz datetime(6) NULL,
    tsltz datetime(6) NULL,
    iym varchar(64) NULL,
    ids varchar(64) NULL,
    x longtext NULL,
    rid varchar(4000) NULL,
    status varchar(1) NOT NULL DEFAULT ('N')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

