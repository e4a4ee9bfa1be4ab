REM Synthetic: simple, instead-of and compound triggers
CREATE OR REPLACE EDITIONABLE TRIGGER orders_biu
  BEFORE INSERT OR UPDATE OF order_status, store_id OR DELETE ON orders
  REFERENCING OLD AS o NEW AS n
  FOR EACH ROW
  FOLLOWS orders_audit
  ENABLE
  WHEN (n.order_status <> 'CANCELLED' OR o.order_status IS NULL)
DECLARE
  v_now DATE := SYSDATE;
BEGIN
  IF INSERTING THEN
    :n.order_tms := NVL(:n.order_tms, SYSTIMESTAMP);
  ELSIF UPDATING('ORDER_STATUS') THEN
    :new.order_status := UPPER(:new.order_status);
  ELSE
    INSERT INTO order_log (order_id, action, at) VALUES (:old.order_id, 'D', v_now);
  END IF;
  CASE :new.order_status
    WHEN 'OPEN' THEN NULL;
    WHEN 'PAID' THEN :new.paid_at := v_now;
    ELSE NULL;
  END CASE;
END orders_biu;
/
CREATE OR REPLACE TRIGGER order_totals_ct
  FOR INSERT OR UPDATE OR DELETE ON order_items
  COMPOUND TRIGGER
  TYPE id_set IS TABLE OF BOOLEAN INDEX BY PLS_INTEGER;
  g_touched id_set;

  BEFORE STATEMENT IS
  BEGIN
    g_touched.DELETE;
  END BEFORE STATEMENT;

  AFTER EACH ROW IS
  BEGIN
    g_touched(NVL(:new.order_id, :old.order_id)) := TRUE;
  END AFTER EACH ROW;

  AFTER STATEMENT IS
    i PLS_INTEGER;
  BEGIN
    i := g_touched.FIRST;
    WHILE i IS NOT NULL LOOP
      UPDATE orders o
         SET (o.item_count, o.total) = (SELECT COUNT(*), SUM(quantity * unit_price)
                                          FROM order_items WHERE order_id = i)
       WHERE o.order_id = i;
      i := g_touched.NEXT(i);
    END LOOP;
  END AFTER STATEMENT;
END order_totals_ct;
/
CREATE OR REPLACE VIEW order_view AS SELECT order_id, order_status FROM orders;
CREATE OR REPLACE TRIGGER order_view_ioi
  INSTEAD OF INSERT ON order_view
  FOR EACH ROW
BEGIN
  INSERT INTO orders (order_id, order_status) VALUES (:new.order_id, :new.order_status);
END;
/
ALTER TRIGGER order_view_ioi DISABLE;
