/**
 * MySQL / MariaDB binary log capture (ROW format, FULL row images) with
 * {@code com.github.shyiko.mysql.binlog.BinaryLogClient} as a replica connection.
 *
 * <ul>
 *   <li>{@link dev.ferry.engine.cdc.mysql.MySqlStreamingSource}: the stream on one reader thread, a bounded queue with
 *       back-pressure, explicit acknowledgement (kept in memory only: MySQL has no replication slot, the applier
 *       persists the position), reconnect, lag ({@code SHOW MASTER STATUS}); DDL on a captured table pauses it
 *       ({@link dev.ferry.engine.cdc.mysql.MySqlSchemaChangeException}).</li>
 *   <li>{@link dev.ferry.engine.cdc.mysql.MySqlPosition}: binlog file + transaction start + event position + ordinal
 *       (+ GTID), text form sortable.</li>
 *   <li>{@link dev.ferry.engine.cdc.mysql.MySqlTableCatalog} / {@link dev.ferry.engine.cdc.mysql.MySqlColumnInfo}:
 *       catalog facts the binlog lacks (names, UNSIGNED, ENUM/SET members, character sets, key);
 *       {@link dev.ferry.engine.cdc.mysql.MySqlValueDecoder} turns binlog values into neutral Java values.</li>
 * </ul>
 *
 * <p>Typical sequence: {@code MySqlPosition start = source.currentPosition()} before the full load's snapshot (or
 * {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} and {@code SHOW MASTER STATUS} under a lock); full load;
 * {@code source.start(start)}; poll, apply one transaction per target transaction storing
 * {@code commit.position().toText()}, {@code acknowledge(commit.position())}; after a restart
 * {@code source.start(MySqlPosition.parse(stored))}.
 */
package dev.ferry.engine.cdc.mysql;
