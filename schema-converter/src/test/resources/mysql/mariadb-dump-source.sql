-- The script that built the database dumped (mariadb-dump 10.11 --routines --events --triggers) into mariadb-dump.sql.
DROP DATABASE IF EXISTS ferry_gm_features; CREATE DATABASE ferry_gm_features DEFAULT CHARACTER SET utf8mb4; USE ferry_gm_features;
CREATE SEQUENCE order_seq START WITH 1000 INCREMENT BY 5;
CREATE TABLE customer (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(120) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  name VARCHAR(100) NOT NULL DEFAULT '',
  status ENUM('active','blocked','it''s') NOT NULL DEFAULT 'active',
  tags SET('a','b','c') DEFAULT 'a,b',
  balance DECIMAL(12,2) NOT NULL DEFAULT 0.00 CHECK (balance > -1000),
  doc JSON,
  pos POINT NOT NULL,
  avatar BLOB,
  note TEXT COMMENT 'free text',
  born DATE, wakes TIME(3), seen DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),
  yr YEAR, flags BIT(4) DEFAULT b'0101', secret VARCHAR(10) INVISIBLE,
  full_name VARCHAR(200) AS (CONCAT(name, ' <', email, '>')) VIRTUAL,
  email_len INT AS (CHAR_LENGTH(email)) PERSISTENT,
  uid BINARY(16) DEFAULT NULL,
  UNIQUE KEY uk_email (email),
  KEY idx_name_status (name(20), status DESC),
  FULLTEXT KEY ft_note (note),
  SPATIAL KEY sp_pos (pos),
  CONSTRAINT chk_name CHECK (name <> 'root')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='customers' ROW_FORMAT=DYNAMIC;
CREATE TABLE orders (
  id BIGINT NOT NULL DEFAULT nextval(order_seq),
  customer_id INT UNSIGNED NOT NULL,
  placed DATE NOT NULL,
  amount DOUBLE(10,3) UNSIGNED ZEROFILL,
  PRIMARY KEY (id, placed),
  KEY fk_cust (customer_id)
) ENGINE=InnoDB PARTITION BY RANGE (YEAR(placed)) (
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022) COMMENT 'y21', PARTITION pmax VALUES LESS THAN MAXVALUE);
CREATE TABLE order_line (
  order_id BIGINT NOT NULL, line_no SMALLINT NOT NULL, sku CHAR(8) NOT NULL, qty MEDIUMINT NOT NULL DEFAULT 1, cust INT UNSIGNED NULL,
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT fk_line_cust FOREIGN KEY (cust) REFERENCES customer (id) ON DELETE CASCADE ON UPDATE SET NULL
) ENGINE=InnoDB;
CREATE TABLE regions (code CHAR(2) PRIMARY KEY, zone VARCHAR(10)) PARTITION BY LIST COLUMNS (code) (PARTITION pe VALUES IN ('NY','NJ'), PARTITION pw VALUES IN ('CA'));
CREATE TABLE hist (id INT PRIMARY KEY, v VARCHAR(10)) WITH SYSTEM VERSIONING;
CREATE TABLE hashed (id INT, d DATE) PARTITION BY HASH (id) PARTITIONS 3;
CREATE TABLE keyed (id INT PRIMARY KEY) PARTITION BY KEY () PARTITIONS 2;
INSERT INTO customer (email, name, status, tags, balance, doc, pos, avatar, note, born, wakes, yr, uid) VALUES
 ('a@x.io', 'O''Brien', 'active', 'a,c', 10.5, '{"k": [1, 2]}', ST_GeomFromText('POINT(1 2)'), x'00FF5C27', 'line1\nline2\ttab \\ back', '1980-02-29', '07:30:00.125', 1999, UNHEX('0123456789ABCDEF0123456789ABCDEF')),
 ('b@x.io', 'Zoë ✓', 'blocked', '', -3, NULL, ST_GeomFromText('POINT(0 0)'), NULL, '', NULL, NULL, NULL, NULL);
INSERT INTO orders (customer_id, placed, amount) VALUES (1, '2020-05-01', 12.5), (2, '2023-01-01', 0);
INSERT INTO regions VALUES ('NY', 'east'), ('CA', 'west');
CREATE VIEW v_customer_orders AS
  SELECT c.id, c.name, COUNT(o.id) AS n, COALESCE(SUM(o.amount), 0) AS total,
         CASE WHEN c.status = 'active' THEN 'A' ELSE 'B' END AS st,
         (SELECT MAX(placed) FROM orders o2 WHERE o2.customer_id = c.id) AS last_order
  FROM customer c LEFT JOIN orders o ON o.customer_id = c.id
  WHERE c.email LIKE '%@%' AND c.id IN (SELECT customer_id FROM orders) OR c.id BETWEEN 1 AND 5
  GROUP BY c.id, c.name HAVING n >= 0;
CREATE VIEW v_union AS SELECT code AS k FROM regions UNION ALL SELECT CAST(id AS CHAR) FROM customer;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_win AS
  SELECT id, ROW_NUMBER() OVER (PARTITION BY status ORDER BY id DESC) AS rn, LAG(id) OVER (ORDER BY id) AS prev FROM customer;
DELIMITER $$
CREATE PROCEDURE p_cursor(IN p_limit INT, OUT p_total DECIMAL(14,2))
  MODIFIES SQL DATA
  COMMENT 'cursor demo'
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE v_amount DOUBLE;
  DECLARE cur CURSOR FOR SELECT amount FROM orders LIMIT p_limit;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  SET p_total = 0;
  OPEN cur;
  lp: LOOP
    FETCH cur INTO v_amount;
    IF done = 1 THEN LEAVE lp; END IF;
    SET p_total = p_total + IFNULL(v_amount, 0);
  END LOOP lp;
  CLOSE cur;
  IF p_total < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative';
  ELSEIF p_total = 0 THEN
    SELECT 'zero';
  ELSE
    BEGIN END;
  END IF;
  WHILE p_limit > 0 DO SET p_limit = p_limit - 1; END WHILE;
  REPEAT SET p_limit = p_limit + 1; UNTIL p_limit >= 3 END REPEAT;
  CASE p_limit WHEN 3 THEN SELECT 'three'; ELSE SELECT 'other'; END CASE;
  SET @s = CONCAT('SELECT COUNT(*) FROM ', 'orders');
  PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
END$$
CREATE FUNCTION f_tax(p_amount DECIMAL(10,2), p_rate FLOAT) RETURNS DECIMAL(10,2)
  DETERMINISTIC NO SQL
  RETURN ROUND(p_amount * p_rate / 100, 2)$$
CREATE TRIGGER trg_cust_bi BEFORE INSERT ON customer FOR EACH ROW
BEGIN
  IF NEW.name = '' THEN SET NEW.name = SUBSTRING_INDEX(NEW.email, '@', 1); END IF;
  SET NEW.seen = NOW(6);
END$$
CREATE TRIGGER trg_orders_ai AFTER INSERT ON orders FOR EACH ROW
  UPDATE customer SET balance = balance + IFNULL(NEW.amount, 0) WHERE id = NEW.customer_id$$
CREATE EVENT ev_cleanup ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00' ON COMPLETION PRESERVE DISABLE COMMENT 'nightly'
DO BEGIN
  DELETE FROM orders WHERE placed < CURDATE() - INTERVAL 10 YEAR;
END$$
DELIMITER ;
