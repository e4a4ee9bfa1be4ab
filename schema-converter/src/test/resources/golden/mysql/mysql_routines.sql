-- stored functions and triggers → PL/pgSQL; procedures and loops stay MANUAL
CREATE TABLE account (id INT NOT NULL PRIMARY KEY, owner VARCHAR(40), balance DECIMAL(10,2) NOT NULL DEFAULT 0, created DATETIME);
CREATE TABLE audit (account_id INT, note VARCHAR(100));
DELIMITER $$
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
END $$
CREATE TRIGGER account_created BEFORE INSERT ON account FOR EACH ROW SET NEW.created = NOW() $$
CREATE TRIGGER account_audit AFTER UPDATE ON account FOR EACH ROW BEGIN
  IF (old.balance != new.balance) THEN
    INSERT INTO audit (account_id, note) VALUES (new.id, CONCAT('balance ', old.balance, ' -> ', new.balance));
  END IF;
END $$
CREATE FUNCTION countdown(n INT) RETURNS INT
BEGIN
  lbl: WHILE n > 0 DO SET n = n - 1; IF n = 5 THEN LEAVE lbl; END IF; END WHILE lbl;
  REPEAT SET n = n + 1; UNTIL n >= 7 END REPEAT;
  RETURN n;
END $$
CREATE PROCEDURE reset_all() BEGIN UPDATE account SET balance = 0; END $$
DELIMITER ;
DELIMITER $$
CREATE FUNCTION with_cursor() RETURNS INT
BEGIN
  DECLARE c CURSOR FOR SELECT id FROM account;
  RETURN 1;
END $$
DELIMITER ;
