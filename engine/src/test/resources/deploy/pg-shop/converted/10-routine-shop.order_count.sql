-- ROUTINE shop.order_count: AUTO (verified)
CREATE FUNCTION shop.order_count(p_customer integer) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT count(*) FROM shop.orders WHERE customer_id = p_customer;
$$;
