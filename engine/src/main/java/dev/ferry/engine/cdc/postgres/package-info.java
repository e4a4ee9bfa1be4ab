/**
 * PostgreSQL logical replication capture with Ferry's own {@code pgoutput} decoder.
 *
 * <ul>
 *   <li>{@link dev.ferry.engine.cdc.postgres.PostgresReplicationConnection}: publication, slot (optionally exporting
 *       a snapshot for a consistent full load), slot lag, dropping both.</li>
 *   <li>{@link dev.ferry.engine.cdc.postgres.PostgresStreamingSource}: the stream on one reader thread, a bounded
 *       queue, explicit acknowledgement, reconnect.</li>
 *   <li>{@link dev.ferry.engine.cdc.postgres.PgOutputDecoder}: the binary protocol (v1 and v2 with streamed
 *       in-progress transactions) to {@link dev.ferry.engine.cdc.ChangeEvent}s; {@link dev.ferry.engine.cdc.postgres.PgTypes}
 *       for values.</li>
 *   <li>{@link dev.ferry.engine.cdc.postgres.PostgresPosition}: commit LSN + ordinal (+ change LSN), text form sortable.</li>
 * </ul>
 *
 * <p>Typical sequence: {@code createPublication(tables)}; {@code createSlotExportingSnapshot()}; full load on
 * connections that called {@code beginSnapshotTransaction(connection, snapshotName)}; close the snapshot;
 * {@code new PostgresStreamingSource(config).start(null)} (streams from the slot's consistent point); poll, apply,
 * {@code acknowledge(commit.position())}.
 */
package dev.ferry.engine.cdc.postgres;
