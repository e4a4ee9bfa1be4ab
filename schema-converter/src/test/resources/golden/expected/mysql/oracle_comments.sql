-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE regions [PRE_LOAD]
--   TO-MY-0103 LOW: Column REGIONS.REGION_ID NUMBER → decimal(65,30)
CREATE TABLE regions (
    region_id decimal(65,30) NOT NULL COMMENT 'Primary key of regions table.',
    region_name varchar(25) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='Regions table; it''s small.';

-- TABLE MixedCase [PRE_LOAD]
CREATE TABLE `MixedCase` (
    `Id` int NOT NULL,
    `select` varchar(10) NULL,
    user_name varchar(10) NULL,
    PRIMARY KEY (`Id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

