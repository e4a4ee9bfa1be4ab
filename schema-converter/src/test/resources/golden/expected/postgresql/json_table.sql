-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.products [PRE_LOAD] from line 1
CREATE TABLE golden.products (
    product_id integer NOT NULL,
    product_name varchar(100),
    product_details bytea,
    PRIMARY KEY (product_id)
);

-- TABLE golden.orders_doc [PRE_LOAD] from line 2
CREATE TABLE golden.orders_doc (
    order_id integer NOT NULL,
    doc text,
    PRIMARY KEY (order_id)
);

-- VIEW golden.product_reviews [POST_LOAD] from line 3
--   ORA-PG-0527 MEDIUM @6:10: JSON_TABLE became LATERAL jsonb_path_query with LEFT JOIN LATERAL for NESTED PATH '$.reviews[*]'
CREATE VIEW golden.product_reviews AS
SELECT p.product_name, r.rating, r.review
  FROM   golden.products p,
         LATERAL (SELECT (ferry_jt0.value ->> 'colour')::varchar(30) AS colour, (ferry_jt1.value ->> 'rating')::bigint AS rating, (ferry_jt1.value ->> 'review')::varchar(4000) AS review FROM jsonb_path_query(convert_from(p.product_details, 'UTF8')::jsonb, '$') WITH ORDINALITY AS ferry_jt0(value, ord) LEFT JOIN LATERAL jsonb_path_query(ferry_jt0.value, '$.reviews[*]') WITH ORDINALITY AS ferry_jt1(value, ord) ON true) r;

-- VIEW golden.order_lines [POST_LOAD] from line 17
--   ORA-PG-0527 MEDIUM @20:8: JSON_TABLE became LATERAL jsonb_path_query
CREATE VIEW golden.order_lines AS
SELECT o.order_id, l.line_no, l.sku, l.qty, l.city
  FROM golden.orders_doc o
  JOIN LATERAL (SELECT ferry_jt0.ord AS line_no, (ferry_jt0.value ->> 'sku')::varchar(20) AS sku, (ferry_jt0.value ->> 'qty')::integer AS qty, (ferry_jt0.value -> 'ship' ->> 'city')::varchar(40) AS city FROM jsonb_path_query((o.doc)::jsonb, '$.order.lines[*]') WITH ORDINALITY AS ferry_jt0(value, ord)) l ON 1 = 1;

-- VIEW golden.order_has_gift [POST_LOAD] from line 25
--   ORA-PG-0901 HIGH @27:22: JSON_TABLE not converted: EXISTS PATH column gift. Rewrite it by hand as a LATERAL subquery over jsonb_path_query(doc, path) / jsonb_to_recordset, or use JSON_TABLE on PostgreSQL 17+
CREATE VIEW golden.order_has_gift AS
SELECT o.order_id, j.gift
  FROM golden.orders_doc o, JSON_TABLE(o.doc, '$' COLUMNS (gift varchar(5) EXISTS PATH '$.gift')) j;

-- VIEW golden.order_big_lines [POST_LOAD] from line 28
--   ORA-PG-0901 HIGH @30:22: JSON_TABLE not converted: row path '$.order.lines[*]?(@.qty > 10)' (only $ and $.member[*] chains convert). Rewrite it by hand as a LATERAL subquery over jsonb_path_query(doc, path) / jsonb_to_recordset, or use JSON_TABLE on PostgreSQL 17+
CREATE VIEW golden.order_big_lines AS
SELECT o.order_id, j.sku
  FROM golden.orders_doc o, JSON_TABLE(o.doc, '$.order.lines[*]?(@.qty > 10)' COLUMNS (sku varchar(20) PATH '$.sku')) j;

-- VIEW golden.order_strict [POST_LOAD] from line 31
--   ORA-PG-0901 HIGH @33:22: JSON_TABLE not converted: 'ERROR ON ERROR' (only the default NULL ON ERROR / NULL ON EMPTY converts). Rewrite it by hand as a LATERAL subquery over jsonb_path_query(doc, path) / jsonb_to_recordset, or use JSON_TABLE on PostgreSQL 17+
--   ORA-PG-0201 LOW: Column CAST: NUMBER → numeric
CREATE VIEW golden.order_strict AS
SELECT o.order_id, j.qty
  FROM golden.orders_doc o, JSON_TABLE(o.doc, '$.order.lines[*]' ERROR ON ERROR COLUMNS (qty numeric PATH '$.qty')) j;

