CREATE TABLE products (product_id NUMBER(6) PRIMARY KEY, product_name VARCHAR2(100), product_details BLOB);
CREATE TABLE orders_doc (order_id NUMBER(6) PRIMARY KEY, doc CLOB);
CREATE VIEW product_reviews AS
  SELECT p.product_name, r.rating, r.review
  FROM   products p,
         JSON_TABLE (
           p.product_details, '$'
           COLUMNS (
             colour VARCHAR2(30) PATH '$.colour',
             NESTED PATH '$.reviews[*]'
             COLUMNS (
               rating INTEGER PATH '$.rating',
               review VARCHAR2(4000) PATH '$.review'
             )
           )
         ) r;
CREATE VIEW order_lines AS
  SELECT o.order_id, l.line_no, l.sku, l.qty, l.city
  FROM orders_doc o
  JOIN JSON_TABLE(o.doc, '$.order.lines[*]'
         COLUMNS (line_no FOR ORDINALITY,
                  sku VARCHAR2(20),
                  qty NUMBER(5) PATH '$.qty' NULL ON ERROR,
                  city VARCHAR2(40) PATH '$.ship.city')) l ON 1 = 1;
CREATE VIEW order_has_gift AS
  SELECT o.order_id, j.gift
  FROM orders_doc o, JSON_TABLE(o.doc, '$' COLUMNS (gift VARCHAR2(5) EXISTS PATH '$.gift')) j;
CREATE VIEW order_big_lines AS
  SELECT o.order_id, j.sku
  FROM orders_doc o, JSON_TABLE(o.doc, '$.order.lines[*]?(@.qty > 10)' COLUMNS (sku VARCHAR2(20) PATH '$.sku')) j;
CREATE VIEW order_strict AS
  SELECT o.order_id, j.qty
  FROM orders_doc o, JSON_TABLE(o.doc, '$.order.lines[*]' ERROR ON ERROR COLUMNS (qty NUMBER PATH '$.qty')) j;
