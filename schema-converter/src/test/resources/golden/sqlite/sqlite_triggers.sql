-- triggers become PL/pgSQL trigger functions where the body translates
CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER, old_balance INTEGER, new_balance INTEGER);
CREATE TRIGGER account_audit AFTER UPDATE OF balance ON account
FOR EACH ROW WHEN new.balance <> old.balance
BEGIN
    INSERT INTO audit (account_id, old_balance, new_balance) VALUES (new.id, old.balance, new.balance);
END;
CREATE TRIGGER account_no_negative BEFORE INSERT ON account
BEGIN
    SELECT RAISE(ABORT, 'balance must not be negative') WHERE new.balance < 0;
END;
CREATE TRIGGER account_check BEFORE UPDATE ON account
BEGIN
    SELECT CASE WHEN new.balance < -100 THEN RAISE(FAIL, 'overdrawn') END;
END;
CREATE TRIGGER account_cleanup AFTER DELETE ON account
BEGIN
    DELETE FROM audit WHERE account_id = old.id;
END;
CREATE TRIGGER account_touch AFTER UPDATE ON account
BEGIN
    UPDATE account SET updated_at = strftime('%s', 'now') WHERE id = new.id;
END;
