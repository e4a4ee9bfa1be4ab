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
        return new Adapter(Engine.POSTGRESQL, after -> s.start((PostgresPosition) after), s::poll, s::acknowledge,
                s::reconnect, PostgresPosition::parse, s::queuedEvents, s::close);
    }

    static ChangeSource of(MySqlStreamingSource s) {
        return new Adapter(Engine.MYSQL, after -> s.start((MySqlPosition) after), s::poll, s::acknowledge,
                s::reconnect, MySqlPosition::parse, s::queuedEvents, s::close);
    }

    /** Oracle LogMiner capture (not run against a server here; see docs/cdc.md). */
    static ChangeSource of(dev.ferry.engine.cdc.oracle.OracleLogMinerSource s) {
        return new Adapter(Engine.ORACLE, after -> s.start((dev.ferry.engine.cdc.oracle.OraclePosition) after), s::poll,
                s::acknowledge, s::reconnect, dev.ferry.engine.cdc.oracle.OraclePosition::parse, s::queuedEvents, s::close);
    }

    /** SQLite trigger capture; "reconnect" restarts the poller after the last acknowledged position. */
    static ChangeSource of(SqliteStreamingSource s) {
        return new Adapter(Engine.SQLITE, after -> s.start((SqlitePosition) after), s::poll, s::acknowledge, () -> {
            s.stop();
            try { // drop what the stopped poller queued: it is delivered again after the acknowledged position
                while (s.poll(Duration.ZERO) != null) {
                    // discard
                }
            } catch (dev.ferry.engine.cdc.ChangeCaptureException ignored) {
                // the failure that made us reconnect
            }
            s.start(s.lastAcknowledged().orElse(null));
        }, SqlitePosition::parse, s::queuedEvents, s::close);
    }

    /** A start that may fail like the sources' own {@code start}. */
    @FunctionalInterface
    interface Starter {
        void start(SourcePosition after) throws SQLException;
    }

    /** A poll as the sources declare it. */
    @FunctionalInterface
    interface Poller {
        ChangeEvent poll(Duration timeout) throws InterruptedException;
    }

    /** A reconnect as the sources declare it. */
    @FunctionalInterface
    interface Reconnector {
        void reconnect() throws SQLException, InterruptedException;
    }

    /** One adapter for every streaming source: each factory above only names the source's own methods. */
    record Adapter(Engine engine, Starter starter, Poller poller, java.util.function.Consumer<SourcePosition> acknowledger,
                   Reconnector reconnector, java.util.function.Function<String, SourcePosition> parser,
                   java.util.function.IntSupplier queued, Runnable closer) implements ChangeSource {

        @Override
        public void start(SourcePosition after) throws SQLException {
            starter.start(after);
        }

        @Override
        public ChangeEvent poll(Duration timeout) throws InterruptedException {
            return poller.poll(timeout);
        }

        @Override
        public void acknowledge(SourcePosition position) {
            acknowledger.accept(position);
        }

        @Override
        public void reconnect() throws SQLException, InterruptedException {
            reconnector.reconnect();
        }

        @Override
        public SourcePosition parse(String text) {
            return parser.apply(text);
        }

        @Override
        public int queuedEvents() {
            return queued.getAsInt();
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
