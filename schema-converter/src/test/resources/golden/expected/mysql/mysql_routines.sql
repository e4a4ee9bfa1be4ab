-- SCHEMA golden [PRE_LOAD]
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4;

-- TABLE account [PRE_LOAD]
CREATE TABLE account (
    id INT NOT NULL,
    owner VARCHAR(40) NULL,
    balance DECIMAL(10,2) NOT NULL DEFAULT 0,
    created DATETIME NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;

-- TABLE audit [PRE_LOAD]
CREATE TABLE audit (
    account_id INT NULL,
    note VARCHAR(100) NULL
) ENGINE=InnoDB;

-- ROUTINE balance_of [POST_LOAD]
--   TO-MY-0404 INFO: function balance_of copied from its CREATE text
CREATE FUNCTION balance_of(p_id INT) RETURNS DECIMAL(10,2)
READS SQL DATA
BEGIN
  DECLARE v_balance DECIMAL(10,2) DEFAULT 0;
  DECLARE EXIT HANDLER FOR NOT FOUND RETURN -1;
  SELECT balance INTO v_balance FROM account WHERE id = p_id;
  IF v_balance < 0 THEN
    RETURN 0;
  ELSEIF v_balance > 1000 THEN
    SET v_balance = 1000;
  END IF;
  RETURN IFNULL(v_balance, 0);
END;

-- ROUTINE countdown [POST_LOAD]
--   TO-MY-0404 INFO: function countdown copied from its CREATE text
CREATE FUNCTION countdown(n INT) RETURNS INT
BEGIN
  lbl: WHILE n > 0 DO SET n = n - 1; IF n = 5 THEN LEAVE lbl; END IF; END WHILE lbl;
  REPEAT SET n = n + 1; UNTIL n >= 7 END REPEAT;
  RETURN n;
END;

-- ROUTINE reset_all [POST_LOAD]
--   TO-MY-0404 INFO: procedure reset_all copied from its CREATE text
CREATE PROCEDURE reset_all() BEGIN UPDATE account SET balance = 0; END;

-- ROUTINE with_cursor [POST_LOAD]
--   TO-MY-0404 INFO: function with_cursor copied from its CREATE text
CREATE FUNCTION with_cursor() RETURNS INT
BEGIN
  DECLARE c CURSOR FOR SELECT id FROM account;
  RETURN 1;
END;

-- TRIGGER account_created [POST_LOAD]
--   TO-MY-0404 INFO: trigger account_created copied from its CREATE text
CREATE TRIGGER account_created BEFORE INSERT ON account FOR EACH ROW SET NEW.created = NOW();

-- TRIGGER account_audit [POST_LOAD]
--   TO-MY-0404 INFO: trigger account_audit copied from its CREATE text
CREATE TRIGGER account_audit AFTER UPDATE ON account FOR EACH ROW BEGIN
  IF (old.balance != new.balance) THEN
    INSERT INTO audit (account_id, note) VALUES (new.id, CONCAT('balance ', old.balance, ' -> ', new.balance));
  END IF;
END;

