-- FOREIGN_KEY {{db}}.orders_customer_fk: AUTO (verified)
ALTER TABLE `{{db}}`.`orders` ADD CONSTRAINT `orders_customer_fk` FOREIGN KEY (`customer_id`) REFERENCES `{{db}}`.`customers` (`customer_id`);
