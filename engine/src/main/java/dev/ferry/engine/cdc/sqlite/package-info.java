/**
 * SQLite trigger-based change capture: SQLite has no change log, so
 * {@link dev.ferry.engine.cdc.sqlite.SqliteTriggerCapture} installs {@code AFTER} triggers that copy every changed row
 * (as JSON keeping SQLite's storage classes) into {@code ferry_capture}, and
 * {@link dev.ferry.engine.cdc.sqlite.SqliteStreamingSource} polls that table in {@code seq} order, delivering each
 * poll batch as one transaction and deleting rows up to the acknowledged
 * {@link dev.ferry.engine.cdc.sqlite.SqlitePosition}.
 *
 * <p>Typical sequence: {@code install(conn, tables)} before the full load's snapshot (so no change is missed: rows
 * captured before the snapshot are re-applied idempotently by key), full load, {@code start(null)}, poll, apply,
 * acknowledge; at cut-over {@code uninstall(conn, true)}.
 */
package dev.ferry.engine.cdc.sqlite;
