-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.items [PRE_LOAD] from line 2
CREATE TABLE golden.items (
    item_id bigint NOT NULL,
    name varchar(100),
    price numeric(10,2),
    PRIMARY KEY (item_id)
);

-- PACKAGE golden.item_api [POST_LOAD] from line 17
--   ORA-PG-0609 MEDIUM @9:3: Collection type ID_LIST became numeric[]
--   ORA-PG-0611 LOW @11:3: Exception E_MISSING (-20404) became SQLSTATE 'U0404'
--   ORA-PG-0632 MEDIUM @17:1: Package ITEM_API variables G_CALLS became session settings item_api.g_calls
CREATE SCHEMA IF NOT EXISTS item_api;

-- ROUTINE item_api.net [POST_LOAD] from line 20
--   ORA-PG-0603 INFO @23:18: SELECT ... INTO became INTO STRICT
--   ORA-PG-0601 LOW @27:7: RAISE_APPLICATION_ERROR(-20404) became SQLSTATE 'U0404'
--   ORA-PG-0630 INFO @20:3: routine net translated to PL/pgSQL
CREATE OR REPLACE FUNCTION item_api.net(p_item_id numeric)
RETURNS numeric
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  v_price golden.items.price%TYPE;
BEGIN
  SELECT price INTO STRICT v_price FROM golden.items WHERE item_id = p_item_id;
  RETURN v_price;
EXCEPTION
  WHEN no_data_found THEN
    RAISE EXCEPTION USING ERRCODE = 'U0404', MESSAGE = concat('no item ', p_item_id), DETAIL = 'ORA-20404';
END;
$$;

-- ROUTINE item_api.gross [POST_LOAD] from line 30
--   ORA-PG-0630 INFO @30:3: routine gross translated to PL/pgSQL
CREATE OR REPLACE FUNCTION item_api.gross(p_item_id golden.items.item_id%TYPE)
RETURNS numeric
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
  RETURN round(item_api.net(p_item_id) * (1 + (0.2)), 2);
END;
$$;

-- ROUTINE item_api.reprice [POST_LOAD] from line 35
--   ORA-PG-0630 INFO @35:3: routine reprice translated to PL/pgSQL
CREATE OR REPLACE PROCEDURE item_api.reprice(p_item_id numeric, p_factor numeric DEFAULT 1.1)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  ferry_rowcount bigint;
BEGIN
  UPDATE golden.items SET price = price * p_factor WHERE item_id = p_item_id;
  GET DIAGNOSTICS ferry_rowcount = ROW_COUNT;
  IF ferry_rowcount = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'U0404', MESSAGE = 'E_MISSING';
  END IF;
END;
$$;

-- ROUTINE item_api.reprice_all [POST_LOAD] from line 43
--   ORA-PG-0606 MEDIUM @46:5: SELECT ... BULK COLLECT INTO became array_agg
--   ORA-PG-0632 MEDIUM @50:5: Package variable G_CALLS written to setting item_api.g_calls
--   ORA-PG-0632 MEDIUM @50:16: Package variable G_CALLS read from setting item_api.g_calls
--   ORA-PG-0630 INFO @43:3: routine reprice_all translated to PL/pgSQL
CREATE OR REPLACE PROCEDURE item_api.reprice_all(p_factor numeric)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  l_ids numeric[];
BEGIN
  SELECT array_agg(item_id) INTO l_ids FROM golden.items;
  FOR i IN 1 .. coalesce(cardinality(l_ids), 0) LOOP
    CALL item_api.reprice(l_ids[i], p_factor);
  END LOOP;
  PERFORM set_config('item_api.g_calls', CAST(COALESCE(CAST(NULLIF(current_setting('item_api.g_calls', true), '') AS integer), CAST(0 AS integer)) + 1 AS text), false);
END;
$$;

