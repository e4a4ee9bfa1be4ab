-- A package → a schema named after it with one routine per member
CREATE TABLE items (
  item_id  NUMBER(10) PRIMARY KEY,
  name     VARCHAR2(100),
  price    NUMBER(10,2)
);
CREATE OR REPLACE PACKAGE item_api AS
  c_vat CONSTANT NUMBER := 0.2;
  TYPE id_list IS TABLE OF NUMBER INDEX BY PLS_INTEGER;
  e_missing EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_missing, -20404);
  FUNCTION gross(p_item_id IN items.item_id%TYPE) RETURN NUMBER;
  PROCEDURE reprice(p_item_id IN NUMBER, p_factor IN NUMBER DEFAULT 1.1);
  PROCEDURE reprice_all(p_factor IN NUMBER);
END item_api;
/
CREATE OR REPLACE PACKAGE BODY item_api AS
  g_calls PLS_INTEGER := 0;

  FUNCTION net(p_item_id IN NUMBER) RETURN NUMBER IS
    v_price items.price%TYPE;
  BEGIN
    SELECT price INTO v_price FROM items WHERE item_id = p_item_id;
    RETURN v_price;
  EXCEPTION
    WHEN NO_DATA_FOUND THEN
      RAISE_APPLICATION_ERROR(-20404, 'no item ' || p_item_id);
  END net;

  FUNCTION gross(p_item_id IN items.item_id%TYPE) RETURN NUMBER IS
  BEGIN
    RETURN ROUND(net(p_item_id) * (1 + c_vat), 2);
  END gross;

  PROCEDURE reprice(p_item_id IN NUMBER, p_factor IN NUMBER DEFAULT 1.1) IS
  BEGIN
    UPDATE items SET price = price * p_factor WHERE item_id = p_item_id;
    IF SQL%ROWCOUNT = 0 THEN
      RAISE e_missing;
    END IF;
  END reprice;

  PROCEDURE reprice_all(p_factor IN NUMBER) IS
    l_ids id_list;
  BEGIN
    SELECT item_id BULK COLLECT INTO l_ids FROM items;
    FOR i IN 1 .. l_ids.COUNT LOOP
      reprice(l_ids(i), p_factor);
    END LOOP;
    g_calls := g_calls + 1;
  END reprice_all;
END item_api;
/
