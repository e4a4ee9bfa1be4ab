/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: ferry_gm_features
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Current Database: `ferry_gm_features`
--

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `ferry_gm_features` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;

USE `ferry_gm_features`;

--
-- Sequence structure for `order_seq`
--

DROP SEQUENCE IF EXISTS `order_seq`;
CREATE SEQUENCE `order_seq` start with 1000 minvalue 1 maxvalue 9223372036854775806 increment by 5 cache 1000 nocycle ENGINE=InnoDB;
DO SETVAL(`order_seq`, 6000, 0);

--
-- Table structure for table `customer`
--

DROP TABLE IF EXISTS `customer`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `customer` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(120) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  `name` varchar(100) NOT NULL DEFAULT '',
  `status` enum('active','blocked','it''s') NOT NULL DEFAULT 'active',
  `tags` set('a','b','c') DEFAULT 'a,b',
  `balance` decimal(12,2) NOT NULL DEFAULT 0.00 CHECK (`balance` > -1000),
  `doc` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`doc`)),
  `pos` point NOT NULL,
  `avatar` blob DEFAULT NULL,
  `note` text DEFAULT NULL COMMENT 'free text',
  `born` date DEFAULT NULL,
  `wakes` time(3) DEFAULT NULL,
  `seen` datetime(6) DEFAULT current_timestamp(6),
  `yr` year(4) DEFAULT NULL,
  `flags` bit(4) DEFAULT b'101',
  `secret` varchar(10) INVISIBLE DEFAULT NULL,
  `full_name` varchar(200) GENERATED ALWAYS AS (concat(`name`,' <',convert(`email` using utf8mb4),'>')) VIRTUAL,
  `email_len` int(11) GENERATED ALWAYS AS (char_length(`email`)) STORED,
  `uid` binary(16) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_email` (`email`),
  KEY `idx_name_status` (`name`(20),`status` DESC),
  SPATIAL KEY `sp_pos` (`pos`),
  FULLTEXT KEY `ft_note` (`note`),
  CONSTRAINT `chk_name` CHECK (`name` <> 'root')
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC COMMENT='customers';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `customer`
--

LOCK TABLES `customer` WRITE;
/*!40000 ALTER TABLE `customer` DISABLE KEYS */;
INSERT INTO `customer` (`id`, `email`, `name`, `status`, `tags`, `balance`, `doc`, `pos`, `avatar`, `note`, `born`, `wakes`, `seen`, `yr`, `flags`, `secret`, `full_name`, `email_len`, `uid`) VALUES (1,'a@x.io','O\'Brien','active','a,c',10.50,'{\"k\": [1, 2]}','\0\0\0\0\0\0\0\0\0\0\0\0\0ð?\0\0\0\0\0\0\0@','\0ÿ\\\'','line1\nline2	tab \\ back','1980-02-29','07:30:00.125','2026-11-21 12:45:03.038041',1999,'',NULL,'O\'Brien <a@x.io>',6,'#Eg‰«Íï#Eg‰«Íï'),
(2,'b@x.io','ZoÃ« âœ“','blocked','',-3.00,NULL,'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0',NULL,'',NULL,NULL,'2026-11-21 12:45:03.038041',NULL,'',NULL,'ZoÃ« âœ“ <b@x.io>',6,NULL);
/*!40000 ALTER TABLE `customer` ENABLE KEYS */;
UNLOCK TABLES;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb3 */ ;
/*!50003 SET character_set_results = utf8mb3 */ ;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg_cust_bi BEFORE INSERT ON customer FOR EACH ROW
BEGIN
  IF NEW.name = '' THEN SET NEW.name = SUBSTRING_INDEX(NEW.email, '@', 1); END IF;
  SET NEW.seen = NOW(6);
END 
*/;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Table structure for table `hashed`
--

DROP TABLE IF EXISTS `hashed`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `hashed` (
  `id` int(11) DEFAULT NULL,
  `d` date DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
 PARTITION BY HASH (`id`)
PARTITIONS 3;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `hashed`
--

LOCK TABLES `hashed` WRITE;
/*!40000 ALTER TABLE `hashed` DISABLE KEYS */;
/*!40000 ALTER TABLE `hashed` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `hist`
--

DROP TABLE IF EXISTS `hist`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `hist` (
  `id` int(11) NOT NULL,
  `v` varchar(10) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci WITH SYSTEM VERSIONING;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `hist`
--

LOCK TABLES `hist` WRITE;
/*!40000 ALTER TABLE `hist` DISABLE KEYS */;
/*!40000 ALTER TABLE `hist` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `keyed`
--

DROP TABLE IF EXISTS `keyed`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `keyed` (
  `id` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
 PARTITION BY KEY ()
PARTITIONS 2;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `keyed`
--

LOCK TABLES `keyed` WRITE;
/*!40000 ALTER TABLE `keyed` DISABLE KEYS */;
/*!40000 ALTER TABLE `keyed` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `order_line`
--

DROP TABLE IF EXISTS `order_line`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `order_line` (
  `order_id` bigint(20) NOT NULL,
  `line_no` smallint(6) NOT NULL,
  `sku` char(8) NOT NULL,
  `qty` mediumint(9) NOT NULL DEFAULT 1,
  `cust` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`order_id`,`line_no`),
  KEY `fk_line_cust` (`cust`),
  CONSTRAINT `fk_line_cust` FOREIGN KEY (`cust`) REFERENCES `customer` (`id`) ON DELETE CASCADE ON UPDATE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `order_line`
--

LOCK TABLES `order_line` WRITE;
/*!40000 ALTER TABLE `order_line` DISABLE KEYS */;
/*!40000 ALTER TABLE `order_line` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `orders`
--

DROP TABLE IF EXISTS `orders`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `orders` (
  `id` bigint(20) NOT NULL DEFAULT nextval(`ferry_gm_features`.`order_seq`),
  `customer_id` int(10) unsigned NOT NULL,
  `placed` date NOT NULL,
  `amount` double(10,3) unsigned zerofill DEFAULT NULL,
  PRIMARY KEY (`id`,`placed`),
  KEY `fk_cust` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
 PARTITION BY RANGE (year(`placed`))
(PARTITION `p2020` VALUES LESS THAN (2021) ENGINE = InnoDB,
 PARTITION `p2021` VALUES LESS THAN (2022) COMMENT = 'y21' ENGINE = InnoDB,
 PARTITION `pmax` VALUES LESS THAN MAXVALUE ENGINE = InnoDB);
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `orders`
--

LOCK TABLES `orders` WRITE;
/*!40000 ALTER TABLE `orders` DISABLE KEYS */;
INSERT INTO `orders` VALUES
(1000,1,'2020-05-01',000012.500),
(1005,2,'2023-01-01',000000.000);
/*!40000 ALTER TABLE `orders` ENABLE KEYS */;
UNLOCK TABLES;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb3 */ ;
/*!50003 SET character_set_results = utf8mb3 */ ;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg_orders_ai AFTER INSERT ON orders FOR EACH ROW
  UPDATE customer SET balance = balance + IFNULL(NEW.amount, 0) WHERE id = NEW.customer_id 
*/;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Table structure for table `regions`
--

DROP TABLE IF EXISTS `regions`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `regions` (
  `code` char(2) NOT NULL,
  `zone` varchar(10) DEFAULT NULL,
  PRIMARY KEY (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
 PARTITION BY LIST  COLUMNS(`code`)
(PARTITION `pe` VALUES IN ('NY','NJ') ENGINE = InnoDB,
 PARTITION `pw` VALUES IN ('CA') ENGINE = InnoDB);
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `regions`
--

LOCK TABLES `regions` WRITE;
/*!40000 ALTER TABLE `regions` DISABLE KEYS */;
INSERT INTO `regions` VALUES
('NY','east'),
('CA','west');
/*!40000 ALTER TABLE `regions` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Temporary table structure for view `v_customer_orders`
--

DROP TABLE IF EXISTS `v_customer_orders`;
/*!50001 DROP VIEW IF EXISTS `v_customer_orders`*/;
SET @saved_cs_client     = @@character_set_client;
SET character_set_client = utf8mb4;
/*!50001 CREATE VIEW `v_customer_orders` AS SELECT
 NULL AS `id`,
 NULL AS `name`,
 NULL AS `n`,
 NULL AS `total`,
 NULL AS `st`,
 NULL AS `last_order` */;
SET character_set_client = @saved_cs_client;

--
-- Temporary table structure for view `v_union`
--

DROP TABLE IF EXISTS `v_union`;
/*!50001 DROP VIEW IF EXISTS `v_union`*/;
SET @saved_cs_client     = @@character_set_client;
SET character_set_client = utf8mb4;
/*!50001 CREATE VIEW `v_union` AS SELECT
 NULL AS `k` */;
SET character_set_client = @saved_cs_client;

--
-- Temporary table structure for view `v_win`
--

DROP TABLE IF EXISTS `v_win`;
/*!50001 DROP VIEW IF EXISTS `v_win`*/;
SET @saved_cs_client     = @@character_set_client;
SET character_set_client = utf8mb4;
/*!50001 CREATE VIEW `v_win` AS SELECT
 NULL AS `id`,
 NULL AS `rn`,
 NULL AS `prev` */;
SET character_set_client = @saved_cs_client;

--
-- Dumping events for database 'ferry_gm_features'
--
/*!50106 SET @save_time_zone= @@TIME_ZONE */ ;
/*!50106 DROP EVENT IF EXISTS `ev_cleanup` */;
DELIMITER ;;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;;
/*!50003 SET character_set_client  = utf8mb3 */ ;;
/*!50003 SET character_set_results = utf8mb3 */ ;;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;;
/*!50003 SET @saved_time_zone      = @@time_zone */ ;;
/*!50003 SET time_zone             = 'SYSTEM' */ ;;
/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `ev_cleanup` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00' ON COMPLETION PRESERVE DISABLE COMMENT 'nightly' DO BEGIN
  DELETE FROM orders WHERE placed < CURDATE() - INTERVAL 10 YEAR;
END 
*/ ;;
/*!50003 SET time_zone             = @saved_time_zone */ ;;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;;
/*!50003 SET character_set_client  = @saved_cs_client */ ;;
/*!50003 SET character_set_results = @saved_cs_results */ ;;
/*!50003 SET collation_connection  = @saved_col_connection */ ;;
DELIMITER ;
/*!50106 SET TIME_ZONE= @save_time_zone */ ;

--
-- Dumping routines for database 'ferry_gm_features'
--
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
/*!50003 DROP FUNCTION IF EXISTS `f_tax` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb3 */ ;
/*!50003 SET character_set_results = utf8mb3 */ ;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` FUNCTION `f_tax`(p_amount DECIMAL(10,2), p_rate FLOAT) RETURNS decimal(10,2)
    NO SQL
    DETERMINISTIC
RETURN ROUND(p_amount * p_rate / 100, 2)
;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
/*!50003 DROP PROCEDURE IF EXISTS `p_cursor` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb3 */ ;
/*!50003 SET character_set_results = utf8mb3 */ ;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` PROCEDURE `p_cursor`(IN p_limit INT, OUT p_total DECIMAL(14,2))
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
END
;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Current Database: `ferry_gm_features`
--

USE `ferry_gm_features`;

--
-- Final view structure for view `v_customer_orders`
--

/*!50001 DROP VIEW IF EXISTS `v_customer_orders`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb3 */;
/*!50001 SET character_set_results     = utf8mb3 */;
/*!50001 SET collation_connection      = utf8mb3_general_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v_customer_orders` AS select `c`.`id` AS `id`,`c`.`name` AS `name`,count(`o`.`id`) AS `n`,coalesce(sum(`o`.`amount`),0) AS `total`,case when `c`.`status` = 'active' then 'A' else 'B' end AS `st`,(select max(`o2`.`placed`) from `orders` `o2` where `o2`.`customer_id` = `c`.`id`) AS `last_order` from (`customer` `c` left join `orders` `o` on(`o`.`customer_id` = `c`.`id`)) where `c`.`email` like '%@%' and `c`.`id` in (select `orders`.`customer_id` from `orders`) or `c`.`id` between 1 and 5 group by `c`.`id`,`c`.`name` having `n` >= 0 */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;

--
-- Final view structure for view `v_union`
--

/*!50001 DROP VIEW IF EXISTS `v_union`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb3 */;
/*!50001 SET character_set_results     = utf8mb3 */;
/*!50001 SET collation_connection      = utf8mb3_general_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v_union` AS select `regions`.`code` AS `k` from `regions` union all select cast(`customer`.`id` as char charset utf8mb3) AS `CAST(id AS CHAR)` from `customer` */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;

--
-- Final view structure for view `v_win`
--

/*!50001 DROP VIEW IF EXISTS `v_win`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb3 */;
/*!50001 SET character_set_results     = utf8mb3 */;
/*!50001 SET collation_connection      = utf8mb3_general_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY INVOKER */
/*!50001 VIEW `v_win` AS select `customer`.`id` AS `id`,row_number() over ( partition by `customer`.`status` order by `customer`.`id` desc) AS `rn`,lag(`customer`.`id`,1) over ( order by `customer`.`id`) AS `prev` from `customer` */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2026-11-21 12:45:03
