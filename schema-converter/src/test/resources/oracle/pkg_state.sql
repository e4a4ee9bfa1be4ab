-- Synthetic: package with state and an initialisation section, types, cursors, BULK COLLECT / FORALL
SET DEFINE ON
DEFINE owner = app
PROMPT creating package spec
CREATE OR REPLACE PACKAGE &owner..order_api AUTHID DEFINER AS
  TYPE order_tab IS TABLE OF orders%ROWTYPE INDEX BY PLS_INTEGER;
  TYPE id_list IS TABLE OF NUMBER;
  TYPE name_arr IS VARRAY(10) OF VARCHAR2(100 CHAR);
  TYPE money_rec IS RECORD (amount NUMBER(12,2) := 0, currency CHAR(3) DEFAULT 'EUR');
  TYPE ref_cur IS REF CURSOR RETURN orders%ROWTYPE;
  SUBTYPE small_int IS PLS_INTEGER RANGE 0..100 NOT NULL;
  c_max_rows CONSTANT PLS_INTEGER := 1000;
  g_calls    NUMBER NOT NULL := 0;
  e_not_found EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_not_found, -20404);
  FUNCTION total(p_order_id IN orders.order_id%TYPE) RETURN NUMBER DETERMINISTIC RESULT_CACHE;
  PROCEDURE archive(p_before IN DATE DEFAULT SYSDATE - 30, p_count OUT NOCOPY NUMBER);
  FUNCTION open_orders RETURN id_list PIPELINED;
END order_api;
/
CREATE OR REPLACE PACKAGE BODY &owner..order_api AS
  g_started TIMESTAMP(6) WITH TIME ZONE;
  CURSOR c_old(p_before DATE, p_limit NUMBER := 10) IS
    SELECT o.order_id, o.order_tms FROM orders o WHERE o.order_tms < p_before AND ROWNUM <= p_limit
    FOR UPDATE OF o.order_status SKIP LOCKED;

  FUNCTION total(p_order_id IN orders.order_id%TYPE) RETURN NUMBER DETERMINISTIC RESULT_CACHE IS
    v_total NUMBER := 0;
  BEGIN
    SELECT NVL(SUM(oi.quantity * oi.unit_price), 0) INTO v_total
      FROM order_items oi WHERE oi.order_id = p_order_id;
    g_calls := g_calls + 1;
    RETURN v_total;
  EXCEPTION
    WHEN NO_DATA_FOUND THEN RETURN 0;
  END total;

  PROCEDURE archive(p_before IN DATE DEFAULT SYSDATE - 30, p_count OUT NOCOPY NUMBER) IS
    PRAGMA AUTONOMOUS_TRANSACTION;
    l_ids   id_list;
    l_rows  order_tab;
    l_names name_arr := name_arr();
    l_money money_rec;
  BEGIN
    SELECT order_id BULK COLLECT INTO l_ids FROM orders WHERE order_tms < p_before;
    FORALL i IN 1..l_ids.COUNT SAVE EXCEPTIONS
      DELETE FROM order_items WHERE order_id = l_ids(i);
    FORALL i IN INDICES OF l_ids
      UPDATE orders SET order_status = 'ARCHIVED' WHERE order_id = l_ids(i)
      RETURNING order_id BULK COLLECT INTO l_ids;
    p_count := SQL%ROWCOUNT;
    OPEN c_old(p_before);
    LOOP
      FETCH c_old BULK COLLECT INTO l_rows LIMIT c_max_rows;
      EXIT WHEN l_rows.COUNT = 0;
      FOR j IN REVERSE l_rows.FIRST .. l_rows.LAST LOOP
        CONTINUE WHEN l_rows(j).order_id IS NULL;
        l_rows(j).order_status := 'X';
      END LOOP;
    END LOOP;
    CLOSE c_old;
    l_names.EXTEND(2);
    l_names(1) := q'[it's here]';
    l_names.DELETE;
    l_money.amount := 1.5e3 + 2f - .5d;
    COMMIT;
  EXCEPTION
    WHEN e_not_found OR DUP_VAL_ON_INDEX THEN
      ROLLBACK;
      RAISE;
    WHEN OTHERS THEN
      IF SQL%BULK_EXCEPTIONS.COUNT > 0 THEN
        DBMS_OUTPUT.PUT_LINE(text => 'errors: ' || SQL%BULK_EXCEPTIONS.COUNT);
      END IF;
      RAISE_APPLICATION_ERROR(-20001, SQLERRM, TRUE);
  END archive;

  FUNCTION open_orders RETURN id_list PIPELINED IS
  BEGIN
    FOR r IN (SELECT order_id FROM orders WHERE order_status = 'OPEN') LOOP
      PIPE ROW (r.order_id);
    END LOOP;
    FOR r IN c_old(SYSDATE) LOOP
      NULL;
    END LOOP;
    RETURN;
  END open_orders;
BEGIN
  g_started := SYSTIMESTAMP;
  g_calls := 0;
END order_api;
/
SHOW ERRORS
