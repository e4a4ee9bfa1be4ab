-- INDEX {{db}}.orders_customer_ix: AUTO (verified)
CREATE INDEX `orders_customer_ix` ON `{{db}}`.`orders` (`customer_id`);
