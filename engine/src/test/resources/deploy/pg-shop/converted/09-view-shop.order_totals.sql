-- VIEW shop.order_totals: AUTO (verified)
CREATE VIEW shop.order_totals AS
SELECT c.customer_id, c.name, sum(o.amount) AS total
FROM shop.customers c JOIN shop.orders o ON o.customer_id = c.customer_id
GROUP BY c.customer_id, c.name;
