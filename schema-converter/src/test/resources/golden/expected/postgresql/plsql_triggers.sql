-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.orders [PRE_LOAD] from line 2
CREATE TABLE golden.orders (
    order_id bigint NOT NULL,
    status varchar(20),
    amount numeric(12,2),
    created_at timestamp(0),
    updated_at timestamp(0),
    PRIMARY KEY (order_id)
);

-- TABLE golden.order_audit [PRE_LOAD] from line 9
CREATE TABLE golden.order_audit (
    order_id bigint,
    action varchar(10),
    old_status varchar(20),
    new_status varchar(20),
    at timestamp(0)
);

-- VIEW golden.open_orders [POST_LOAD] from line 52
CREATE VIEW golden.open_orders AS
SELECT order_id, status, amount FROM golden.orders WHERE status = 'NEW';

-- TRIGGER golden.orders_biud [POST_LOAD] from line 16
--   ORA-PG-0504 LOW @20:17: SYSDATE became LOCALTIMESTAMP(0)
--   ORA-PG-0619 LOW @25:9: UPDATING('STATUS') became a NEW/OLD comparison
--   ORA-PG-0601 LOW @33:5: RAISE_APPLICATION_ERROR(-20100) became SQLSTATE 'U0100'
--   ORA-PG-0630 INFO @16:1: trigger orders_biud translated to PL/pgSQL
CREATE OR REPLACE FUNCTION golden.orders_biud_fn()
RETURNS trigger
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  v_now timestamp(0) := LOCALTIMESTAMP(0);
BEGIN
  IF (TG_OP = 'INSERT') THEN
    NEW.created_at := COALESCE(NEW.created_at, v_now);
    NEW.status := COALESCE(NEW.status, 'NEW');
  ELSIF (TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status) THEN
    NEW.updated_at := v_now;
    INSERT INTO golden.order_audit (order_id, action, old_status, new_status, at)
    VALUES (OLD.order_id, 'STATUS', OLD.status, NEW.status, v_now);
  ELSIF (TG_OP = 'DELETE') THEN
    INSERT INTO golden.order_audit (order_id, action, old_status, at) VALUES (OLD.order_id, 'DELETE', OLD.status, v_now);
  END IF;
  IF NEW.amount < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'U0100', MESSAGE = 'negative amount', DETAIL = 'ORA-20100';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;
END;
$$;
CREATE TRIGGER orders_biud BEFORE INSERT OR UPDATE OF status, amount OR DELETE ON golden.orders FOR EACH ROW EXECUTE FUNCTION golden.orders_biud_fn();

-- TRIGGER golden.orders_big_au [POST_LOAD] from line 37
--   ORA-PG-0504 LOW @43:78: SYSDATE became LOCALTIMESTAMP(0)
--   ORA-PG-0630 INFO @37:1: trigger orders_big_au translated to PL/pgSQL
CREATE OR REPLACE FUNCTION golden.orders_big_au_fn()
RETURNS trigger
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
  INSERT INTO golden.order_audit (order_id, action, at) VALUES (NEW.order_id, 'BIG', LOCALTIMESTAMP(0));
  RETURN NULL;
END;
$$;
CREATE TRIGGER orders_big_au AFTER UPDATE OF amount ON golden.orders FOR EACH ROW WHEN (NEW.amount > 1000 AND OLD.amount <= 1000) EXECUTE FUNCTION golden.orders_big_au_fn();

-- TRIGGER golden.orders_stmt_ad [POST_LOAD] from line 46
--   ORA-PG-0627 INFO @49:3: DBMS_OUTPUT.PUT_LINE became RAISE NOTICE
--   ORA-PG-0629 LOW @46:1: Trigger ORDERS_STMT_AD is disabled
--   ORA-PG-0630 INFO @46:1: trigger orders_stmt_ad translated to PL/pgSQL
CREATE OR REPLACE FUNCTION golden.orders_stmt_ad_fn()
RETURNS trigger
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
  RAISE NOTICE '%', 'orders deleted';
  RETURN NULL;
END;
$$;
CREATE TRIGGER orders_stmt_ad AFTER DELETE ON golden.orders FOR EACH STATEMENT EXECUTE FUNCTION golden.orders_stmt_ad_fn();
ALTER TABLE golden.orders DISABLE TRIGGER orders_stmt_ad;

-- TRIGGER golden.open_orders_ioi [POST_LOAD] from line 53
--   ORA-PG-0630 INFO @53:1: trigger open_orders_ioi translated to PL/pgSQL
CREATE OR REPLACE FUNCTION golden.open_orders_ioi_fn()
RETURNS trigger
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
  INSERT INTO golden.orders (order_id, status, amount) VALUES (NEW.order_id, 'NEW', NEW.amount);
  RETURN NEW;
END;
$$;
CREATE TRIGGER open_orders_ioi INSTEAD OF INSERT ON golden.open_orders FOR EACH ROW EXECUTE FUNCTION golden.open_orders_ioi_fn();

-- TRIGGER golden.orders_ct [POST_LOAD] from line 60
--   ORA-PG-0618 HIGH @60:1: Compound trigger ORDERS_CT
-- NOT CONVERTED

