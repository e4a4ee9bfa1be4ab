-- VIEW {{db}}.order_totals: AUTO (verified)
CREATE VIEW `{{db}}`.`order_totals` AS
SELECT c.customer_id, c.name, SUM(o.amount) AS total
FROM `{{db}}`.customers c JOIN `{{db}}`.orders o ON o.customer_id = c.customer_id
GROUP BY c.customer_id, c.name;
