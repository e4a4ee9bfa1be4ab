package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.mysql.MySqlPosition;
import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.engine.cdc.sqlite.SqlitePosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopConditionTest {

    private static final Instant T = Instant.parse("2026-01-31T23:00:00Z");

    private static ChangeEvent.Begin pg(long commitLsn, Instant at) {
        return new ChangeEvent.Begin("1", new PostgresPosition(commitLsn, 0, commitLsn), at);
    }

    @Test
    void commitTimeStopsBeforeTheFirstTransactionCommittedLater() {
        StopCondition c = StopCondition.parse("commit_time:2026-01-31T23:00:00", "pg", Instant::now);
        assertThat(c.stopBefore(pg(10, T))).isNull();
        assertThat(c.stopBefore(pg(11, T.plusMillis(1)))).contains("commit_time:2026-01-31T23:00:00 reached");
        assertThat(c.stopWhenIdle()).as("commit_time never stops on an idle source").isNull();
    }

    @Test
    void serverTimeAlsoStopsAnIdleSourceOnceTheServerClockPassedIt() {
        AtomicReference<Instant> clock = new AtomicReference<>(T.minusSeconds(5));
        StopCondition c = StopCondition.parse("server_time:2026-01-31T23:00:00", "my", clock::get);
        assertThat(c.stopWhenIdle()).isNull();
        clock.set(T.plus(StopCondition.GRACE).minusMillis(1));
        assertThat(c.stopWhenIdle()).isNull();
        clock.set(T.plus(StopCondition.GRACE));
        assertThat(c.stopWhenIdle()).contains("source idle");
    }

    @Test
    void lsnStopsBeforeTheFirstTransactionCommittingAtOrAfterIt() {
        StopCondition c = StopCondition.parse("0/2680000", "pg", Instant::now);
        assertThat(c.stopBefore(pg(0x267FFFFL, T))).isNull();
        assertThat(c.stopBefore(pg(0x2680000L, T))).contains("stop position 0/2680000 reached");
    }

    @Test
    void binlogPositionComparesFileThenTransactionStart() {
        StopCondition c = StopCondition.parse("mysql-bin.000002:400", "my", Instant::now);
        ChangeEvent.Begin before = new ChangeEvent.Begin("t", new MySqlPosition("mysql-bin.000001", 9000, 9000, MySqlPosition.BEGIN_ORDINAL, null), T);
        ChangeEvent.Begin at = new ChangeEvent.Begin("t", new MySqlPosition("mysql-bin.000002", 400, 400, MySqlPosition.BEGIN_ORDINAL, null), T);
        assertThat(c.stopBefore(before)).isNull();
        assertThat(c.stopBefore(at)).contains("mysql-bin.000002:400");
    }

    @Test
    void sqliteSequence() {
        StopCondition c = StopCondition.parse("seq:100", "sq", Instant::now);
        assertThat(c.stopBefore(new ChangeEvent.Begin("b", new SqlitePosition(99, SqlitePosition.BEGIN_ORDINAL), T))).isNull();
        assertThat(c.stopBefore(new ChangeEvent.Begin("b", new SqlitePosition(100, SqlitePosition.BEGIN_ORDINAL), T))).isNotNull();
    }

    @Test
    void positionsOfAnotherSourceAndGarbageAreRefusedWithTheText() {
        assertThatThrownBy(() -> StopCondition.parse("mysql-bin.000001:4", "pg", Instant::now))
                .hasMessageContaining("'mysql-bin.000001:4' is a binlog position, which does not fit a PostgreSQL source");
        assertThatThrownBy(() -> StopCondition.parse("tomorrow", "pg", Instant::now))
                .hasMessageContaining("stop position 'tomorrow' is not one of");
        assertThatThrownBy(() -> StopCondition.parse("commit_time:2026-13-45T99:00:00", "pg", Instant::now))
                .hasMessageContaining("not a valid time");
    }
}
