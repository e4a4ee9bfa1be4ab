-- Triggers → trigger functions + CREATE TRIGGER
CREATE TABLE orders (
  order_id     NUMBER(10) PRIMARY KEY,
  status       VARCHAR2(20),
  amount       NUMBER(12,2),
  created_at   DATE,
  updated_at   DATE
);
CREATE TABLE order_audit (
  order_id  NUMBER(10),
  action    VARCHAR2(10),
  old_status VARCHAR2(20),
  new_status VARCHAR2(20),
  at        DATE
);
CREATE OR REPLACE TRIGGER orders_biud
  BEFORE INSERT OR UPDATE OF status, amount OR DELETE ON orders
  FOR EACH ROW
DECLARE
  v_now DATE := SYSDATE;
BEGIN
  IF INSERTING THEN
    :new.created_at := NVL(:new.created_at, v_now);
    :new.status := NVL(:new.status, 'NEW');
  ELSIF UPDATING('STATUS') THEN
    :new.updated_at := v_now;
    INSERT INTO order_audit (order_id, action, old_status, new_status, at)
    VALUES (:old.order_id, 'STATUS', :old.status, :new.status, v_now);
  ELSIF DELETING THEN
    INSERT INTO order_audit (order_id, action, old_status, at) VALUES (:old.order_id, 'DELETE', :old.status, v_now);
  END IF;
  IF :new.amount < 0 THEN
    RAISE_APPLICATION_ERROR(-20100, 'negative amount');
  END IF;
END orders_biud;
/
CREATE OR REPLACE TRIGGER orders_big_au
  AFTER UPDATE OF amount ON orders
  REFERENCING OLD AS o NEW AS n
  FOR EACH ROW
  WHEN (n.amount > 1000 AND o.amount <= 1000)
BEGIN
  INSERT INTO order_audit (order_id, action, at) VALUES (:n.order_id, 'BIG', SYSDATE);
END;
/
CREATE OR REPLACE TRIGGER orders_stmt_ad
  AFTER DELETE ON orders
BEGIN
  DBMS_OUTPUT.PUT_LINE('orders deleted');
END;
/
CREATE OR REPLACE VIEW open_orders AS SELECT order_id, status, amount FROM orders WHERE status = 'NEW';
CREATE OR REPLACE TRIGGER open_orders_ioi
  INSTEAD OF INSERT ON open_orders
  FOR EACH ROW
BEGIN
  INSERT INTO orders (order_id, status, amount) VALUES (:new.order_id, 'NEW', :new.amount);
END;
/
CREATE OR REPLACE TRIGGER orders_ct
  FOR INSERT ON orders
  COMPOUND TRIGGER
  g_count PLS_INTEGER := 0;
  AFTER EACH ROW IS
  BEGIN
    g_count := g_count + 1;
  END AFTER EACH ROW;
  AFTER STATEMENT IS
  BEGIN
    DBMS_OUTPUT.PUT_LINE(g_count);
  END AFTER STATEMENT;
END orders_ct;
/
ALTER TRIGGER orders_stmt_ad DISABLE;
