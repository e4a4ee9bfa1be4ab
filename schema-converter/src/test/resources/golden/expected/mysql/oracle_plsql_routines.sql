-- SCHEMA golden [PRE_LOAD]
--   TO-MY-0505 INFO: Database golden uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- TABLE accounts [PRE_LOAD]
CREATE TABLE accounts (
    account_id bigint NOT NULL,
    owner varchar(100) NOT NULL,
    balance decimal(12,2) NOT NULL DEFAULT (0),
    status varchar(10) NULL DEFAULT ('OPEN'),
    PRIMARY KEY (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- TABLE account_log [PRE_LOAD]
--   TO-MY-0103 LOW: Column ACCOUNT_LOG.LOG_ID NUMBER → decimal(65,30)
--   TO-MY-0302 MEDIUM: Identity column ACCOUNT_LOG.LOG_ID became a plain column (its type decimal(65,30) cannot be AUTO_INCREMENT)
CREATE TABLE account_log (
    log_id decimal(65,30) NOT NULL,
    account_id bigint NULL,
    message varchar(400) NULL,
    logged_at datetime NULL DEFAULT (NOW()),
    PRIMARY KEY (log_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- ROUTINE balance_of [POST_LOAD]
--   TO-MY-0401 HIGH: function BALANCE_OF (plsql) is not converted to a MySQL stored program
-- NOT CONVERTED

-- ROUTINE log_message [POST_LOAD]
--   TO-MY-0401 HIGH: procedure LOG_MESSAGE (plsql) is not converted to a MySQL stored program
-- NOT CONVERTED

-- ROUTINE transfer [POST_LOAD]
--   TO-MY-0401 HIGH: procedure TRANSFER (plsql) is not converted to a MySQL stored program
-- NOT CONVERTED

-- ROUTINE total_balance [POST_LOAD]
--   TO-MY-0401 HIGH: function TOTAL_BALANCE (plsql) is not converted to a MySQL stored program
-- NOT CONVERTED

-- ROUTINE close_accounts [POST_LOAD]
--   TO-MY-0401 HIGH: procedure CLOSE_ACCOUNTS (plsql) is not converted to a MySQL stored program
-- NOT CONVERTED

