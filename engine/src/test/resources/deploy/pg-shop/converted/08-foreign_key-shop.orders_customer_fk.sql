-- FOREIGN_KEY shop.orders_customer_fk: AUTO (verified)
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (customer_id);
