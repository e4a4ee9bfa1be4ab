-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE contracts [PRE_LOAD]
CREATE TABLE contracts (
    contract_id int NOT NULL,
    code varchar(40) NULL,
    signed datetime NULL,
    ended datetime NULL,
    PRIMARY KEY (contract_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- VIEW contract_terms [POST_LOAD]
--   TO-MY-0201 HIGH: function MONTHS_BETWEEN() has no MySQL translation
--   TO-MY-0201 HIGH: function INSTR() has no MySQL translation
--   TO-MY-0201 HIGH: function INSTR() has no MySQL translation
-- NOT CONVERTED

-- VIEW contract_codes [POST_LOAD]
CREATE VIEW contract_codes AS
SELECT contract_id, INSTR(code, '-') first_dash FROM contracts;

