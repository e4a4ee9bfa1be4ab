-- TABLE {{db}}.customers: AUTO (verified)
CREATE TABLE `{{db}}`.`customers` (
    `customer_id` INT NOT NULL AUTO_INCREMENT,
    `email` VARCHAR(120) NOT NULL,
    `name` VARCHAR(60) NULL,
    PRIMARY KEY (`customer_id`)
) ENGINE=InnoDB;
