-- TABLE {{db}}.orders: AUTO (verified)
CREATE TABLE `{{db}}`.`orders` (
    `order_id` BIGINT NOT NULL,
    `customer_id` INT NOT NULL,
    `amount` DECIMAL(10,2) NULL,
    `ordered_at` DATETIME NULL,
    PRIMARY KEY (`order_id`)
) ENGINE=InnoDB;
