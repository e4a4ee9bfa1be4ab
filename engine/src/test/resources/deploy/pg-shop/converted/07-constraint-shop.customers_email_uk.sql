-- CONSTRAINT shop.customers_email_uk: AUTO (verified)
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_uk UNIQUE (email);
