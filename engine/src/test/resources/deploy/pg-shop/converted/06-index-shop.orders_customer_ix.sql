-- INDEX shop.orders_customer_ix: AUTO (verified)
CREATE INDEX orders_customer_ix ON shop.orders (customer_id);
