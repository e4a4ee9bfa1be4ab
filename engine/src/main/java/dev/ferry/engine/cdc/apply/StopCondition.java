package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.mysql.MySqlPosition;
import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.engine.cdc.sqlite.SqlitePosition;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@link ChangeApplier} stops on its own: DMS {@code CdcStopPosition}. The applier asks before every source
 * transaction; a non-null answer is the reason to stop BEFORE it (so everything before is applied exactly once and the
 * refused transaction is delivered again after a restart).
 *
 * <p>Forms accepted by {@link #parse}:
 * <ul>
 *   <li>{@code commit_time:2026-01-31T23:00:00} (UTC): transactions committed at or before that time are applied; the
 *       first one committed later stops the applier.</li>
 *   <li>{@code server_time:2026-01-31T23:00:00} (UTC): as {@code commit_time}, and in addition the applier stops when the
 *       source is idle once the source server's clock has passed that time by {@link #GRACE}.</li>
 *   <li>A PostgreSQL LSN {@code 16/B374D848}: transactions whose commit LSN is below it are applied.</li>
 *   <li>A binlog position {@code mysql-bin.000042:1337}: transactions that start before it are applied.</li>
 *   <li>A SQLite capture sequence {@code seq:1234}: captured rows with a lower {@code seq} are applied.</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe; the applier calls them on its own thread.
 */
public interface StopCondition {

    /** Never stops. */
    StopCondition NONE = begin -> null;

    /** {@code null} to apply the transaction that starts with {@code begin}; otherwise why the applier stops before it. */
    String stopBefore(ChangeEvent.Begin begin);

    /** Asked when the source is idle and everything received is committed: a reason to stop, or {@code null}. */
    default String stopWhenIdle() {
        return null;
    }

    /** {@code commit_time:...}, {@code server_time:...}, an LSN, a binlog {@code file:pos} or {@code seq:N}. */
    Pattern TIME = Pattern.compile("(server_time|commit_time):(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)Z?");
    Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");
    Pattern BINLOG = Pattern.compile("([^:\\s]+\\.\\d+):(\\d+)");
    Pattern SEQ = Pattern.compile("seq:(\\d+)");

    /**
     * Parses a stop position.
     *
     * @param spec       the text (see the class comment)
     * @param sourceKind {@link SourcePosition#kind()} of the task's source ({@code pg}, {@code my}, {@code sq}): a
     *                   position of another kind is refused
     * @param serverNow  the source server's current time (for {@code server_time})
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static StopCondition parse(String spec, String sourceKind, Supplier<Instant> serverNow) {
        Objects.requireNonNull(serverNow, "serverNow");
        String s = spec == null ? "" : spec.trim();
        Matcher m = TIME.matcher(s);
        if (m.matches()) {
            Instant at;
            try {
                at = LocalDateTime.parse(m.group(2)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("stop position '" + spec + "': not a valid time", e);
            }
            boolean server = m.group(1).equals("server_time");
            return new TimeStop(at, server ? serverNow : null, s);
        }
        if (LSN.matcher(s).matches()) {
            requireKind(spec, sourceKind, PostgresPosition.KIND, "an LSN");
            long lsn = PostgresPosition.parseLsn(s);
            return begin -> Long.compareUnsigned(((PostgresPosition) begin.position()).commitLsn(), lsn) >= 0
                    ? "stop position " + s + " reached (next transaction commits at "
                    + PostgresPosition.formatLsn(((PostgresPosition) begin.position()).commitLsn()) + ")" : null;
        }
        Matcher seq = SEQ.matcher(s);
        if (seq.matches()) {
            requireKind(spec, sourceKind, SqlitePosition.KIND, "a capture sequence");
            long n = Long.parseLong(seq.group(1));
            return begin -> ((SqlitePosition) begin.position()).seq() >= n ? "stop position " + s + " reached" : null;
        }
        Matcher b = BINLOG.matcher(s);
        if (b.matches()) {
            requireKind(spec, sourceKind, MySqlPosition.KIND, "a binlog position");
            MySqlPosition stop = MySqlPosition.boundary(b.group(1), Long.parseLong(b.group(2)));
            return begin -> {
                MySqlPosition p = (MySqlPosition) begin.position();
                return MySqlPosition.boundary(p.file(), p.transactionStart()).compareTo(stop) >= 0
                        ? "stop position " + s + " reached (next transaction starts at " + p.file() + ":" + p.transactionStart() + ")"
                        : null;
            };
        }
        throw new IllegalArgumentException("stop position '" + spec + "' is not one of server_time:yyyy-MM-ddTHH:mm:ss, "
                + "commit_time:yyyy-MM-ddTHH:mm:ss (UTC), a PostgreSQL LSN (16/B374D848), a binlog position "
                + "(mysql-bin.000042:1337) or seq:<n> (SQLite)");
    }

    private static void requireKind(String spec, String sourceKind, String kind, String what) {
        if (sourceKind != null && !sourceKind.equals(kind)) {
            throw new IllegalArgumentException("stop position '" + spec + "' is " + what + ", which does not fit a "
                    + kindName(sourceKind) + " source");
        }
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case PostgresPosition.KIND -> "PostgreSQL";
            case MySqlPosition.KIND -> "MySQL/MariaDB";
            case SqlitePosition.KIND -> "SQLite";
            default -> kind;
        };
    }

    /** How long after a {@code server_time} an idle source counts as past it. */
    java.time.Duration GRACE = java.time.Duration.ofSeconds(1);

    /** {@code commit_time} / {@code server_time}. */
    record TimeStop(Instant at, Supplier<Instant> serverNow, String text) implements StopCondition {

        @Override
        public String stopBefore(ChangeEvent.Begin begin) {
            Instant t = begin.commitTime();
            return t != null && t.isAfter(at) ? text + " reached (next transaction committed at " + t + ")" : null;
        }

        /** Idle after the server's clock passed the time by {@link #GRACE}: a transaction committed before it has arrived. */
        @Override
        public String stopWhenIdle() {
            return serverNow != null && !serverNow.get().isBefore(at.plus(GRACE)) ? text + " reached (source idle, server time "
                    + serverNow.get() + ")" : null;
        }
    }
}
