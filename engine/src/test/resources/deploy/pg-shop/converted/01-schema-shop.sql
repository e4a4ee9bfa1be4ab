-- SCHEMA shop: AUTO (verified)
CREATE SCHEMA shop;
