-- SEQUENCE shop.order_no_seq: AUTO (verified)
CREATE SEQUENCE shop.order_no_seq START WITH 1000;
