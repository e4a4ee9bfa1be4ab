/**
 * MySQL / MariaDB as a conversion target: the shared DDL pipeline ({@link dev.ferry.converter.target.mysql.AbstractToMySqlConverter}),
 * one {@link dev.ferry.converter.direction.SchemaConverter} per source engine, and the
 * {@link dev.ferry.converter.target.mysql.MySqlTargetVerifier} (re-parse with our MySQL grammar, then deploy into a
 * throw-away database).
 */
package dev.ferry.converter.target.mysql;
