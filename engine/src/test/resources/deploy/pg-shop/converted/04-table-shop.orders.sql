-- TABLE shop.orders: AUTO_WITH_WARNINGS (verified)
-- ORA-PG-0201 LOW: Column AMOUNT: NUMBER → numeric
CREATE TABLE shop.orders (
    order_id bigint NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(10,2),
    ordered_at timestamp(0),
    CONSTRAINT orders_pk PRIMARY KEY (order_id)
);
