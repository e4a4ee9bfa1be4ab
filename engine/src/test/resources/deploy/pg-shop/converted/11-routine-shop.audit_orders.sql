-- ROUTINE shop.audit_orders: MANUAL (NOT verified)
CREATE FUNCTION shop.audit_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dbms_output.put_line('not converted');
  RETURN NEW;
END $$;
