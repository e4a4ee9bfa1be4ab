-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)   (hand-written in the style of mysqldump 8 output)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
SET @MYSQLDUMP_TEMP_LOG_BIN = @@SESSION.SQL_LOG_BIN;
SET @@SESSION.SQL_LOG_BIN= 0;
SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5';

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */;

USE `shop`;

--
-- Table structure for table `address`
--

DROP TABLE IF EXISTS `address`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `address` (
  `address_id` smallint unsigned NOT NULL AUTO_INCREMENT,
  `address` varchar(50) NOT NULL,
  `location` geometry NOT NULL /*!80003 SRID 0 */,
  `uuid` binary(16) NOT NULL DEFAULT (uuid_to_bin(uuid())),
  `created` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  `last_update` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `city_id` smallint unsigned NOT NULL,
  `total` decimal(10,2) GENERATED ALWAYS AS ((`address_id` * 2)) VIRTUAL,
  PRIMARY KEY (`address_id`),
  KEY `idx_fk_city_id` (`city_id`),
  SPATIAL KEY `idx_location` (`location`),
  KEY `idx_func` ((lower(`address`))),
  CONSTRAINT `fk_address_city` FOREIGN KEY (`city_id`) REFERENCES `city` (`city_id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `address_chk_1` CHECK ((`address_id` > 0))
) ENGINE=InnoDB AUTO_INCREMENT=606 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `address` WRITE;
/*!40000 ALTER TABLE `address` DISABLE KEYS */;
INSERT INTO `address` VALUES (1,'47 MySakila Drive',_binary '\0\0\0\0\0\0\0\�\�\�\�\�>\�',_binary '\�\�','2014-09-25 22:30:27.000','2014-09-25 22:30:27',300,DEFAULT),(2,'28 MySQL \'Boulevard\'',0x000000000101000000,0x11EB,'2014-09-25 22:30:09.000','2014-09-25 22:30:09',576,DEFAULT);
/*!40000 ALTER TABLE `address` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Temporary view structure for view `address_list`
--

DROP TABLE IF EXISTS `address_list`;
/*!50001 DROP VIEW IF EXISTS `address_list`*/;
SET @saved_cs_client     = @@character_set_client;
/*!50503 SET character_set_client = utf8mb4 */;
/*!50001 CREATE VIEW `address_list` AS SELECT 
 1 AS `ID`,
 1 AS `address`,
 1 AS `info`*/;
SET character_set_client = @saved_cs_client;

--
-- Dumping events for database 'shop'
--
/*!50106 SET @save_time_zone= @@TIME_ZONE */ ;
DELIMITER ;;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE' */ ;;
/*!50003 SET @saved_time_zone      = @@time_zone */ ;;
/*!50003 SET time_zone             = 'SYSTEM' */ ;;
/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `ev_purge` ON SCHEDULE EVERY 1 DAY STARTS '2024-01-01 03:00:00' ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM `address` WHERE `last_update` < now() - interval 1 year */ ;;
/*!50003 SET time_zone             = @saved_time_zone */ ;;
DELIMITER ;
/*!50106 SET TIME_ZONE= @save_time_zone */ ;

--
-- Dumping routines for database 'shop'
--
/*!50003 DROP FUNCTION IF EXISTS `addr_count` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES' */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` FUNCTION `addr_count`(p_city_id INT) RETURNS int
    READS SQL DATA
    DETERMINISTIC
BEGIN
  DECLARE v INT;
  SELECT count(0) INTO v FROM `address` WHERE (`city_id` = p_city_id);
  RETURN v;
END ;;
DELIMITER ;
/*!50003 DROP PROCEDURE IF EXISTS `touch_all` */;
DELIMITER ;;
CREATE DEFINER=`root`@`%` PROCEDURE `touch_all`()
    SQL SECURITY INVOKER
BEGIN
  UPDATE `address` SET `last_update` = now();
END ;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;

--
-- Final view structure for view `address_list`
--

/*!50001 DROP VIEW IF EXISTS `address_list`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `address_list` AS select `a`.`address_id` AS `ID`,`a`.`address` AS `address`,group_concat(distinct concat(`c`.`name`,': ',(select group_concat(`x`.`title` order by `x`.`title` ASC separator ', ') from ((`film` `x` join `film_category` `fc` on((`x`.`film_id` = `fc`.`film_id`))) join `film_actor` `fa` on((`x`.`film_id` = `fa`.`film_id`))) where ((`fc`.`category_id` = `c`.`category_id`) and (`fa`.`actor_id` = `a`.`address_id`)))) order by `c`.`name` ASC separator '; ') AS `info` from ((`address` `a` left join `city` `ci` on((`a`.`city_id` = `ci`.`city_id`))) left join `category` `c` on((`ci`.`city_id` = `c`.`category_id`))) group by `a`.`address_id`,`a`.`address` */;
/*!50001 SET character_set_client      = @saved_cs_client */;

--
-- Dumping triggers
--
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `address_bi` BEFORE INSERT ON `address` FOR EACH ROW SET NEW.created = NOW() */;;
DELIMITER ;
SET @@SESSION.SQL_LOG_BIN = @MYSQLDUMP_TEMP_LOG_BIN;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;

-- Dump completed on 2024-05-01 10:00:00
