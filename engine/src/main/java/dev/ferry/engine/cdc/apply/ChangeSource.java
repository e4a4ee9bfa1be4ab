package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.mysql.MySqlPosition;
import dev.ferry.engine.cdc.mysql.MySqlStreamingSource;
import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.cdc.sqlite.SqlitePosition;
import dev.ferry.engine.cdc.sqlite.SqliteStreamingSource;
import dev.ferry.model.schema.Engine;

import java.sql.SQLException;
import java.time.Duration;

/**
 * What the {@link ChangeApplier} needs from a streaming source; adapters over {@link PostgresStreamingSource},
 * {@link MySqlStreamingSource} and {@link SqliteStreamingSource}. Threading: {@link #poll}, {@link #start} and {@link #reconnect} are called from the
 * applier's thread only; {@link #queuedEvents()} from any thread.
 */
public interface ChangeSource extends AutoCloseable {

    /** The source engine (decides value conversion). */
    Engine engine();

    /** Starts streaming after {@code after} ({@code null}: from the source's own start point). */
    void start(SourcePosition after) throws SQLException;

    /** The next event or {@code null} after {@code timeout}; throws {@code ChangeCaptureException} when the stream failed. */
    ChangeEvent poll(Duration timeout) throws InterruptedException;

    /** The target committed everything up to {@code position}. */
    void acknowledge(SourcePosition position);

    /** Restarts the stream after the last acknowledged position. */
    void reconnect() throws SQLException, InterruptedException;

    /** Parses a stored {@link SourcePosition#toText()} of this source's kind. */
    SourcePosition parse(String text);

    /** Events read but not yet polled. */
    int queuedEvents();

    @Override
    void close();

    static ChangeSource of(PostgresStreamingSource s) {
        return new ChangeSource() {
            @Override
            public Engine engine() {
                return Engine.POSTGRESQL;
            }

            @Override
            public void start(SourcePosition after) throws SQLException {
                s.start((PostgresPosition) after);
            }

            @Override
            public ChangeEvent poll(Duration timeout) throws InterruptedException {
                return s.poll(timeout);
            }

            @Override
            public void acknowledge(SourcePosition position) {
                s.acknowledge(position);
            }

            @Override
            public void reconnect() throws SQLException, InterruptedException {
                s.reconnect();
            }

            @Override
            public SourcePosition parse(String text) {
                return PostgresPosition.parse(text);
            }

            @Override
            public int queuedEvents() {
                return s.queuedEvents();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    static ChangeSource of(MySqlStreamingSource s) {
        return new ChangeSource() {
            @Override
            public Engine engine() {
                return Engine.MYSQL;
            }

            @Override
            public void start(SourcePosition after) throws SQLException {
                s.start((MySqlPosition) after);
            }

            @Override
            public ChangeEvent poll(Duration timeout) throws InterruptedException {
                return s.poll(timeout);
            }

            @Override
            public void acknowledge(SourcePosition position) {
                s.acknowledge(position);
            }

            @Override
            public void reconnect() throws SQLException, InterruptedException {
                s.reconnect();
            }

            @Override
            public SourcePosition parse(String text) {
                return MySqlPosition.parse(text);
            }

            @Override
            public int queuedEvents() {
                return s.queuedEvents();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    /** SQLite trigger capture; "reconnect" restarts the poller after the last acknowledged position. */
    static ChangeSource of(SqliteStreamingSource s) {
        return new ChangeSource() {
            @Override
            public Engine engine() {
                return Engine.SQLITE;
            }

            @Override
            public void start(SourcePosition after) throws SQLException {
                s.start((SqlitePosition) after);
            }

            @Override
            public ChangeEvent poll(Duration timeout) throws InterruptedException {
                return s.poll(timeout);
            }

            @Override
            public void acknowledge(SourcePosition position) {
                s.acknowledge(position);
            }

            @Override
            public void reconnect() throws SQLException, InterruptedException {
                s.stop();
                try { // drop what the stopped poller queued: it is delivered again after the acknowledged position
                    while (s.poll(Duration.ZERO) != null) {
                        // discard
                    }
                } catch (dev.ferry.engine.cdc.ChangeCaptureException ignored) {
                    // the failure that made us reconnect
                }
                s.start(s.lastAcknowledged().orElse(null));
            }

            @Override
            public SourcePosition parse(String text) {
                return SqlitePosition.parse(text);
            }

            @Override
            public int queuedEvents() {
                return s.queuedEvents();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
