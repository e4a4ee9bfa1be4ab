-- Table of MySQL / MariaDB constructs: each statement is preceded by "-- @ KIND [object name as written]".
-- MySqlParserTest parses this file and checks every statement parses with that kind and name.

-- @ CREATE_TABLE all_types
CREATE TABLE IF NOT EXISTS all_types (
  a TINYINT, b SMALLINT UNSIGNED ZEROFILL, c MEDIUMINT(8) UNSIGNED, d INT(11) NOT NULL, e INTEGER, f BIGINT(20) UNSIGNED,
  g DECIMAL(10,2), h NUMERIC(5), i DEC, j FLOAT, k FLOAT(7,3), l DOUBLE, m DOUBLE PRECISION, n REAL, o BIT(1), p BOOL,
  q BOOLEAN, r CHAR(3) CHARACTER SET latin1 COLLATE latin1_bin, s VARCHAR(255) CHARSET utf8mb4, t NATIONAL VARCHAR(10),
  u NVARCHAR(20), v BINARY(16), w VARBINARY(100), x TINYTEXT, y TEXT, z MEDIUMTEXT, aa LONGTEXT, ab TINYBLOB, ac BLOB,
  ad MEDIUMBLOB, ae LONGBLOB, af ENUM('a','b','it''s') CHARACTER SET utf8, ag SET('x','y'), ah DATE, ai TIME(3),
  aj DATETIME(6), ak TIMESTAMP(6) NULL DEFAULT NULL, al YEAR, am YEAR(4), an JSON, ao GEOMETRY, ap POINT NOT NULL SRID 4326,
  aq LINESTRING, ar POLYGON, `as` MULTIPOINT, `at` MULTILINESTRING, au MULTIPOLYGON, av GEOMETRYCOLLECTION, aw LONG VARCHAR,
  ax SERIAL, ay CHAR(1) BINARY, az INT1, ba FLOAT8, bb VARCHAR(10) COLLATE utf8mb4_unicode_ci
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='all the types'
  ROW_FORMAT=DYNAMIC STATS_PERSISTENT=0 KEY_BLOCK_SIZE=8;

-- @ CREATE_TABLE `shop`.`order`
CREATE TABLE `shop`.`order` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'surrogate key',
  `code` VARCHAR(20) NOT NULL UNIQUE KEY,
  `other` INT UNIQUE,
  `created` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  `updated` TIMESTAMP DEFAULT now() ON UPDATE now(),
  `price` DECIMAL(10,2) DEFAULT -1.50 CHECK (price > -100),
  `flags` BIT(8) DEFAULT b'00000001',
  `hex` VARBINARY(4) DEFAULT 0x00FF,
  `uuid` BINARY(16) DEFAULT (uuid_to_bin(uuid())),
  `total` DECIMAL(12,2) GENERATED ALWAYS AS (`price` * 2) STORED,
  `half` DECIMAL(12,2) AS (price / 2) VIRTUAL,
  `mdb` INT AS (id + 1) PERSISTENT,
  `secret` VARCHAR(10) INVISIBLE,
  `active` TINYINT(1) NOT NULL DEFAULT '1',
  `ref` INT REFERENCES other_table (id),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_code` (`code`(10) ASC, `created` DESC),
  UNIQUE INDEX (`other`),
  KEY `idx_created` (`created`) USING BTREE COMMENT 'by date',
  INDEX idx_expr ((lower(code))),
  FULLTEXT KEY `ft_code` (`code`) WITH PARSER ngram,
  CONSTRAINT `fk_ref` FOREIGN KEY (`ref`) REFERENCES `other_table` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION,
  FOREIGN KEY (other) REFERENCES other_table (id) ON DELETE SET DEFAULT,
  CONSTRAINT chk_price CHECK (price >= 0 AND price < 1000000) NOT ENFORCED,
  CHECK (code <> '')
) ENGINE = MyISAM, CHARACTER SET = latin1, PACK_KEYS = DEFAULT;

-- @ CREATE_TABLE places
CREATE TABLE places (id INT PRIMARY KEY, pos POINT NOT NULL SRID 0, SPATIAL INDEX sp_pos (pos), SPATIAL KEY (pos));

-- @ CREATE_TABLE ranged
CREATE TABLE ranged (id INT NOT NULL, created DATE NOT NULL, PRIMARY KEY (id, created))
PARTITION BY RANGE (YEAR(created)) (
  PARTITION p2019 VALUES LESS THAN (2020) ENGINE = InnoDB,
  PARTITION p2020 VALUES LESS THAN (2021) COMMENT = 'covid',
  PARTITION pmax VALUES LESS THAN MAXVALUE
);

-- @ CREATE_TABLE listed
CREATE TABLE listed (region VARCHAR(10), n INT) PARTITION BY LIST COLUMNS (region) (
  PARTITION p_east VALUES IN ('NY', 'NJ'), PARTITION p_west VALUES IN ('CA'));

-- @ CREATE_TABLE hashed
CREATE TABLE hashed (id INT) PARTITION BY HASH (id) PARTITIONS 4;

-- @ CREATE_TABLE keyed
CREATE TABLE keyed (id INT, d DATE) PARTITION BY LINEAR KEY (id) PARTITIONS 8;

-- @ CREATE_TABLE sub
CREATE TABLE sub (id INT, d DATE) PARTITION BY RANGE COLUMNS (d) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (
  PARTITION p0 VALUES LESS THAN ('2020-01-01'), PARTITION p1 VALUES LESS THAN (MAXVALUE));

-- @ CREATE_TABLE copy_like
CREATE TABLE copy_like LIKE `source_table`;

-- @ CREATE_TABLE copy_as
CREATE TEMPORARY TABLE copy_as ENGINE=MEMORY AS SELECT id, name FROM source_table WHERE id > 10;

-- @ CREATE_TABLE copy_select
CREATE TABLE copy_select (extra INT) SELECT * FROM source_table;

-- @ ALTER_TABLE t1
ALTER TABLE t1 ADD COLUMN c2 INT NOT NULL DEFAULT 0 AFTER c1, ADD c3 VARCHAR(10) FIRST, DROP COLUMN c4,
  MODIFY COLUMN c5 BIGINT UNSIGNED, CHANGE c6 c7 TEXT, ALTER COLUMN c8 SET DEFAULT 5, ALTER c9 DROP DEFAULT,
  RENAME COLUMN c10 TO c11, ADD INDEX idx_c2 (c2), ADD UNIQUE KEY uk (c3), DROP INDEX idx_old, DROP PRIMARY KEY,
  ADD PRIMARY KEY (c2, c3), DROP FOREIGN KEY fk_x, ENGINE=InnoDB, ALGORITHM=INPLACE, LOCK=NONE;

-- @ ALTER_TABLE `Album`
ALTER TABLE `Album` ADD CONSTRAINT `FK_AlbumArtistId`
    FOREIGN KEY (`ArtistId`) REFERENCES `Artist` (`ArtistId`) ON DELETE NO ACTION ON UPDATE NO ACTION;

-- @ ALTER_TABLE t2
ALTER TABLE t2 DISABLE KEYS;

-- @ ALTER_TABLE t3
ALTER TABLE t3 RENAME TO t4;

-- @ ALTER_TABLE t5
ALTER TABLE t5 CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, ADD FULLTEXT ft (a, b), ADD CHECK (a > 0);

-- @ CREATE_INDEX `IFK_AlbumArtistId`
CREATE INDEX `IFK_AlbumArtistId` ON `Album` (`ArtistId`);

-- @ CREATE_INDEX uq_name
CREATE UNIQUE INDEX uq_name USING BTREE ON people (last_name(10), first_name DESC) ALGORITHM = INPLACE LOCK = DEFAULT;

-- @ CREATE_INDEX ft_body
CREATE FULLTEXT INDEX ft_body ON posts (title, body);

-- @ DROP_TABLE t1
DROP TABLE IF EXISTS t1, t2 CASCADE;

-- @ DROP_VIEW v1
DROP VIEW IF EXISTS v1;

-- @ DROP_ROUTINE p1
DROP PROCEDURE IF EXISTS p1;

-- @ DROP_ROUTINE emp_dept_id
drop function if exists emp_dept_id;

-- @ DROP_TRIGGER tr1
DROP TRIGGER IF EXISTS tr1;

-- @ DROP_EVENT ev1
DROP EVENT ev1;

-- @ DROP_INDEX idx_a
DROP INDEX idx_a ON t1;

-- @ DROP_DATABASE employee
DROP DATABASE IF EXISTS employee;

-- @ CREATE_DATABASE `Chinook`
CREATE DATABASE IF NOT EXISTS `Chinook` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- @ CREATE_DATABASE shop
CREATE SCHEMA shop;

-- @ USE sakila
USE sakila;

-- @ SET
SET NAMES utf8mb4;

-- @ SET
SET NAMES 'utf8mb4' COLLATE 'utf8mb4_unicode_ci';

-- @ SET
SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0;

-- @ SET
SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO';

-- @ SET
SET FOREIGN_KEY_CHECKS = 0;

-- @ SET
SET SESSION sql_mode = 'TRADITIONAL', @@session.time_zone = '+00:00', GLOBAL max_connections = DEFAULT;

-- @ SET
SET CHARACTER SET utf8;

-- @ SET
SET TRANSACTION ISOLATION LEVEL READ COMMITTED;

-- @ SET
SET @x := 5, @y = @x + 1;

-- @ LOCK_TABLES
LOCK TABLES `staff` WRITE, `store` READ, t AS alias READ LOCAL;

-- @ UNLOCK_TABLES
UNLOCK TABLES;

-- @ TRANSACTION
START TRANSACTION;

-- @ TRANSACTION
COMMIT;

-- @ TRANSACTION
ROLLBACK;

-- @ TRANSACTION
BEGIN;

-- @ INSERT actor
INSERT INTO actor VALUES (1,'PENELOPE','GUINESS','2006-02-15 04:34:33'),(2,'NICK','WAHLBERG','2006-02-15 04:34:33');

-- @ INSERT t
INSERT IGNORE INTO t (a, b, c) VALUES (1, NULL, DEFAULT), (-2, 'x' 'y', 1.5e3), (0x1F, X'0A', b'1')
  ON DUPLICATE KEY UPDATE b = VALUES(b), c = c + 1;

-- @ INSERT t
INSERT INTO t SET a = 1, b = 'two';

-- @ INSERT t2
INSERT INTO t2 (a) SELECT a FROM t1 WHERE a IS NOT NULL;

-- @ INSERT tchecksum
INSERT INTO tchecksum SELECT @crc := MD5(CONCAT_WS('#',@crc, emp_no, title)) FROM title ORDER BY emp_no;

-- @ REPLACE t
REPLACE INTO t (a, b) VALUES (1, 'x');

-- @ UPDATE film_text
UPDATE film_text SET title = new_title, description = NULL WHERE film_id = 5 ORDER BY film_id LIMIT 10;

-- @ UPDATE t1
UPDATE t1 INNER JOIN t2 ON t1.id = t2.id SET t1.a = t2.a, t2.b = 0 WHERE t2.c > 1;

-- @ DELETE film_text
DELETE FROM film_text WHERE film_id = 1;

-- @ DELETE t1
DELETE t1, t2 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t1.x < 0;

-- @ OTHER
LOAD DATA LOCAL INFILE '/tmp/x.csv' INTO TABLE t FIELDS TERMINATED BY ',' ENCLOSED BY '"' LINES TERMINATED BY '\n' IGNORE 1 LINES (a, b);

-- @ OTHER
flush /*!50503 binary */ logs;

-- @ OTHER
SHOW TABLES;

-- @ OTHER
GRANT SELECT ON sakila.* TO 'app'@'%';

-- @ CREATE_VIEW customer_list
CREATE VIEW customer_list
AS
SELECT cu.customer_id AS ID, CONCAT(cu.first_name, _utf8mb4' ', cu.last_name) AS name, a.postal_code AS `zip code`,
	IF(cu.active, _utf8mb4'active',_utf8mb4'') AS notes
FROM customer AS cu JOIN address AS a ON cu.address_id = a.address_id JOIN city ON a.city_id = city.city_id;

-- @ CREATE_VIEW v_algo
CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW v_algo (x, y) AS
  SELECT a, b FROM t WITH CASCADED CHECK OPTION;

-- @ CREATE_VIEW actor_info
CREATE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW actor_info AS
SELECT a.actor_id, GROUP_CONCAT(DISTINCT CONCAT(c.name, ': ',
  (SELECT GROUP_CONCAT(f.title ORDER BY f.title SEPARATOR ', ') FROM sakila.film f WHERE f.film_id = a.actor_id))
  ORDER BY c.name SEPARATOR '; ') AS film_info
FROM sakila.actor a LEFT JOIN sakila.film_actor fa ON a.actor_id = fa.actor_id GROUP BY a.actor_id;

-- @ CREATE_VIEW v_defs
CREATE DEFINER='admin'@'10.0.0.%' VIEW v_defs AS SELECT 1;

-- @ SELECT
SELECT DISTINCT SQL_CALC_FOUND_ROWS a.id, b.*, COUNT(*) AS n, SUM(DISTINCT x) total
FROM a STRAIGHT_JOIN b ON a.id = b.id
  LEFT OUTER JOIN c USING (id) RIGHT JOIN d ON d.id = c.id CROSS JOIN e NATURAL JOIN f
  INNER JOIN (SELECT id FROM g) AS dg ON dg.id = a.id, h FORCE INDEX (idx_h) 
WHERE a.x BETWEEN 1 AND 10 AND b.y NOT IN (1, 2, 3) AND c.z LIKE 'a\_%' ESCAPE '\\' AND d.w IS NOT NULL
  AND e.v REGEXP '^[a-z]+$' AND f.u RLIKE 'x' AND EXISTS (SELECT 1 FROM i WHERE i.id = a.id) AND a.id = ANY (SELECT id FROM j)
  AND a.t <=> NULL AND (a.p || a.q) && !a.r AND a.s XOR a.t AND a.u DIV 2 = a.v MOD 3 AND a.bits & 1 | 2 ^ 3 << 1 >> 1 = ~0
  AND a.flag IS TRUE AND a.name = 'x' COLLATE utf8mb4_bin
GROUP BY a.id WITH ROLLUP HAVING n > 1 ORDER BY n DESC, a.id LIMIT 10 OFFSET 5 FOR UPDATE;

-- @ SELECT
SELECT * FROM t LIMIT 5, 10 LOCK IN SHARE MODE;

-- @ SELECT
WITH RECURSIVE cte (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM cte WHERE n < 5), other AS (SELECT 2)
SELECT n, ROW_NUMBER() OVER (PARTITION BY n % 2 ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rn,
  SUM(n) OVER w AS s, LAG(n, 1) OVER (ORDER BY n) AS prev
FROM cte WINDOW w AS (ORDER BY n RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING);

-- @ SELECT
SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END, CASE a WHEN 1 THEN 'one' END,
  CAST(a AS CHAR(10)), CAST(b AS SIGNED), CAST(c AS UNSIGNED INTEGER), CAST(d AS DECIMAL(10,2)), CAST(e AS DATE),
  CAST(f AS DATETIME(3)), CAST(g AS JSON), CAST(h AS BINARY), CONVERT(i USING utf8mb4), CONVERT(j, CHAR),
  DATE_ADD(NOW(), INTERVAL 1 DAY), NOW() - INTERVAL 2 HOUR, EXTRACT(YEAR_MONTH FROM d), TIMESTAMPDIFF(DAY, a, b),
  TRIM(BOTH 'x' FROM s), TRIM(s), SUBSTRING(s FROM 2 FOR 3), SUBSTRING(s, 2, 3), POSITION('a' IN s), CHAR(65, 66 USING utf8mb4),
  LEFT(s, 2), RIGHT(s, 1), IF(a, b, c), IFNULL(a, 0), COALESCE(a, b), INSERT(s, 1, 2, 'x'), REPLACE(s, 'a', 'b'),
  CURRENT_TIMESTAMP, CURRENT_DATE(), UTC_TIMESTAMP(), CURRENT_USER, DATABASE(), 'it''s', "dq \" string", N'national',
  X'4D', 0xFF, b'101', 0b11, 1e10, .5, -3, TRUE, FALSE, NULL, DATE '2020-01-01', @@GLOBAL.max_connections, @user_var,
  MATCH (title, body) AGAINST ('+mysql -oracle' IN BOOLEAN MODE), MATCH (title) AGAINST ('x'),
  JSON_EXTRACT(doc, '$.a'), doc->'$.b', doc->>'$.c', a MOD b, `weird``name`, t.`col`
FROM dual;

-- @ SELECT
(SELECT a FROM t1 ORDER BY a LIMIT 1) UNION DISTINCT (SELECT b FROM t2) ORDER BY 1;

-- @ SELECT
SELECT 'CREATING DATABASE STRUCTURE' as 'INFO';

-- @ SELECT
SELECT t.order, new.key, db.select.from FROM db.table AS t WHERE t.desc > 0;

-- @ SELECT
/*!50503 select CONCAT('storage engine: ', @@default_storage_engine) as INFO */;

-- @ CALL my_proc
CALL my_proc(1, @out);

-- @ PREPARED_STATEMENT
PREPARE stmt FROM 'SELECT ? + 1';

-- @ PREPARED_STATEMENT
EXECUTE stmt USING @a;

-- @ PREPARED_STATEMENT
DEALLOCATE PREPARE stmt;

-- @ RENAME_TABLE a
RENAME TABLE a TO b, c TO d;

-- @ TRUNCATE t
TRUNCATE TABLE t;

-- @ CREATE_TABLE versioned
CREATE OR REPLACE TABLE versioned (
  id INT PRIMARY KEY,
  v VARCHAR(10) WITHOUT SYSTEM VERSIONING,
  row_start TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE,
  row_end TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE,
  PERIOD FOR SYSTEM_TIME (row_start, row_end)
) ENGINE=Aria TRANSACTIONAL=1 PAGE_CHECKSUM=1 `PAGE_COMPRESSED`='ON' WITH SYSTEM VERSIONING;

-- @ OTHER
CREATE SEQUENCE order_seq START WITH 1000 INCREMENT BY 5 NOCYCLE;

-- @ CREATE_TABLE seq_user
CREATE TABLE seq_user (id BIGINT NOT NULL DEFAULT nextval(`order_seq`), doc LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
  DEFAULT NULL CHECK (json_valid(`doc`)));

-- @ INSERT t
INSERT INTO t (a, b) VALUES (1, 2) AS new (x, y) ON DUPLICATE KEY UPDATE b = new.y + VALUES(b);

-- @ SELECT
SELECT id FROM jobs WHERE state = 'ready' AND 3 MEMBER OF (tags) ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED;

-- @ SELECT
SELECT JSON_OBJECT('a', 1, 'b', JSON_ARRAY(1, 2)), JSON_ARRAYAGG(x), (a, b) IN ((1, 2), (3, 4)), a <> ALL (SELECT b FROM u),
  GET_FORMAT(DATE, 'EUR'), TIMESTAMP('2020-01-01'), DATE(NOW()), INTERVAL '1:30' HOUR_MINUTE + d, COUNT(DISTINCT a, b),
  NTILE(4) OVER (), @'quoted var', DEFAULT(col), SQL_CALC_FOUND_ROWS_FN()
FROM t1 JOIN t2 USING (id) INTERSECT SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;

DELIMITER //
-- @ OTHER
BEGIN NOT ATOMIC
  DECLARE x INT DEFAULT 1;
  SELECT x;
END //
DELIMITER ;

DELIMITER ;;
-- @ CREATE_TRIGGER `ins_film`
CREATE TRIGGER `ins_film` AFTER INSERT ON `film` FOR EACH ROW BEGIN
    INSERT INTO film_text (film_id, title, description)
        VALUES (new.film_id, new.title, new.description);
  END;;

-- @ CREATE_TRIGGER upd_film
CREATE DEFINER=`root`@`localhost` TRIGGER upd_film BEFORE UPDATE ON film FOR EACH ROW FOLLOWS ins_film
BEGIN
    IF (old.title != new.title) OR (old.description != new.description) THEN
        SET NEW.last_update = NOW();
    ELSEIF OLD.film_id <> NEW.film_id THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cannot change id', MYSQL_ERRNO = 1644;
    ELSE
        SET @dummy = 1;
    END IF;
END;;

-- @ CREATE_TRIGGER rental_date
CREATE TRIGGER rental_date BEFORE INSERT ON rental
	FOR EACH ROW SET NEW.rental_date = NOW();;
DELIMITER ;

DELIMITER $$
-- @ CREATE_PROCEDURE rewards_report
CREATE PROCEDURE rewards_report (
    IN min_monthly_purchases TINYINT UNSIGNED
    , IN min_dollar_amount_purchased DECIMAL(10,2)
    , OUT count_rewardees INT
    , INOUT counter BIGINT
)
LANGUAGE SQL
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
COMMENT 'Provides a customizable report on best customers'
proc: BEGIN
    DECLARE last_month_start DATE;
    DECLARE a, b INT DEFAULT 0;
    DECLARE done BOOLEAN DEFAULT FALSE;
    DECLARE not_found CONDITION FOR SQLSTATE '02000';
    DECLARE dup CONDITION FOR 1062;
    DECLARE cur CURSOR FOR SELECT id FROM t WHERE x > a;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION, SQLWARNING BEGIN ROLLBACK; RESIGNAL; END;
    DECLARE CONTINUE HANDLER FOR SQLSTATE '23000', 1048, dup SET @err = 1;
    IF min_monthly_purchases = 0 THEN
        SELECT 'Minimum monthly purchases parameter must be > 0';
        LEAVE proc;
    END IF;
    SET last_month_start = DATE_SUB(CURRENT_DATE(), INTERVAL 1 MONTH);
    CREATE TEMPORARY TABLE tmpCustomer (customer_id SMALLINT UNSIGNED NOT NULL PRIMARY KEY);
    SELECT COUNT(*) FROM tmpCustomer INTO count_rewardees;
    SELECT a, b INTO @x, @y FROM t LIMIT 1;
    OPEN cur;
    read_loop: LOOP
        FETCH cur INTO a;
        IF done THEN LEAVE read_loop; END IF;
        ITERATE read_loop;
    END LOOP read_loop;
    CLOSE cur;
    w: WHILE a < 10 DO SET a = a + 1; END WHILE w;
    REPEAT SET b = b + 1; UNTIL b > 5 END REPEAT;
    CASE a WHEN 1 THEN SELECT 1; WHEN 2 THEN SELECT 2; ELSE BEGIN END; END CASE;
    CASE WHEN a > 1 THEN SET b = 2; END CASE;
    SET @sql = CONCAT('SELECT * FROM ', 'x');
    PREPARE s FROM @sql; EXECUTE s; DEALLOCATE PREPARE s;
    CALL other_proc(a, b);
    GET DIAGNOSTICS CONDITION 1 @msg = MESSAGE_TEXT;
    START TRANSACTION; COMMIT;
    DROP TABLE tmpCustomer;
END $$

-- @ CREATE_FUNCTION get_customer_balance
CREATE DEFINER=root@localhost FUNCTION get_customer_balance(p_customer_id INT, p_effective_date DATETIME) RETURNS DECIMAL(5,2)
    DETERMINISTIC
    READS SQL DATA
BEGIN
  DECLARE v_rentfees DECIMAL(5,2); #FEES PAID TO RENT THE VIDEOS INITIALLY
  SELECT IFNULL(SUM(film.rental_rate),0) INTO v_rentfees FROM film, inventory, rental
    WHERE film.film_id = inventory.film_id AND rental.rental_date <= p_effective_date;
  RETURN v_rentfees;
END $$

-- @ CREATE_FUNCTION simple_fn
CREATE FUNCTION simple_fn (x INT) RETURNS VARCHAR(10) CHARSET utf8mb4 NO SQL RETURN CONCAT('v', x) $$

-- @ CREATE_EVENT purge_old
CREATE EVENT IF NOT EXISTS purge_old ON SCHEDULE EVERY 1 DAY STARTS CURRENT_TIMESTAMP + INTERVAL 1 HOUR
  ON COMPLETION PRESERVE ENABLE COMMENT 'nightly' DO
  BEGIN
    DELETE FROM log WHERE created < NOW() - INTERVAL 30 DAY;
  END $$

-- @ CREATE_EVENT once
CREATE EVENT once ON SCHEDULE AT '2030-01-01 00:00:00' DO UPDATE t SET x = 1 $$
DELIMITER ;
