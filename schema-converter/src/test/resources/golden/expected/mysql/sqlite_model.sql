-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE Artist [PRE_LOAD]
CREATE TABLE `Artist` (
    `ArtistId` bigint NOT NULL AUTO_INCREMENT,
    `Name` varchar(120) NULL,
    PRIMARY KEY (`ArtistId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE Album [PRE_LOAD]
CREATE TABLE `Album` (
    `AlbumId` bigint NOT NULL AUTO_INCREMENT,
    `Title` varchar(160) NOT NULL,
    `ArtistId` bigint NOT NULL,
    PRIMARY KEY (`AlbumId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE measure [PRE_LOAD]
--   TO-MY-0101 INFO: Column measure.flag boolean → tinyint(1)
--   TO-MY-0103 LOW: Column measure.amount NUMERIC → decimal(65,30)
--   TO-MY-0104 LOW: Key column measure.label (unbounded text) → varchar(255)
--   TO-MY-0103 LOW: Column measure.odd VARYING STUFF (NUMERIC affinity) → decimal(65,30)
CREATE TABLE measure (
    id int NOT NULL,
    value double NULL,
    payload longblob NULL,
    flag tinyint(1) NOT NULL DEFAULT (0),
    created datetime NULL DEFAULT (CURRENT_TIMESTAMP),
    amount decimal(65,30) NULL,
    label varchar(255) NULL DEFAULT ('n/a'),
    odd decimal(65,30) NULL,
    untyped longblob NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- INDEX Album.IFK_AlbumArtistId [POST_LOAD]
CREATE INDEX `IFK_AlbumArtistId` ON `Album` (`ArtistId`);

-- CONSTRAINT measure.measure_label_key [POST_LOAD]
ALTER TABLE measure ADD CONSTRAINT measure_label_key UNIQUE (label);

-- CONSTRAINT measure_chk_1 [POST_LOAD]
--   TO-MY-0201 HIGH: function typeof() has no MySQL translation
-- NOT CONVERTED

-- CONSTRAINT measure_chk_2 [POST_LOAD]
ALTER TABLE measure ADD CONSTRAINT measure_chk_2 CHECK (flag IN (0, 1));

-- FOREIGN_KEY Album_ArtistId_fkey [POST_LOAD]
ALTER TABLE `Album` ADD CONSTRAINT `Album_ArtistId_fkey` FOREIGN KEY (`ArtistId`) REFERENCES `Artist` (`ArtistId`);

-- VIEW AlbumTitles [POST_LOAD]
CREATE VIEW `AlbumTitles` AS
SELECT CONCAT(CONCAT(a.`Name`, ' - '), al.`Title`) AS `FullTitle` FROM `Album` AS al JOIN `Artist` AS a ON a.`ArtistId` = al.`ArtistId`;

-- TRIGGER album_audit [POST_LOAD]
--   TO-MY-0402 HIGH: trigger album_audit (AFTER INSERT on Album, ROW) is not converted
-- NOT CONVERTED

