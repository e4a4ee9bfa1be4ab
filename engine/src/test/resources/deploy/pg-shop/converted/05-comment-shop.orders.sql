-- COMMENT shop.orders: AUTO (verified)
COMMENT ON TABLE shop.orders IS 'Orders; one row per order';
COMMENT ON COLUMN shop.orders.amount IS 'Total in EUR';
