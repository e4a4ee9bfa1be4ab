package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.testsupport.RequiresOracle;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LogMiner capture against a real Oracle. Runs only with FERRY_TEST_ORACLE_URL (a DBA user on a database in
 * ARCHIVELOG mode with minimal supplemental logging: {@code ALTER DATABASE ADD SUPPLEMENTAL LOG DATA}); says SKIPPED on
 * stderr otherwise. It has NOT run here: there is no Oracle server on this machine.
 */
@RequiresOracle
class OracleLogMinerSourceIT {

    @Test
    void insertsUpdatesDeletesAndARolledBackTransaction() throws Exception {
        TestServer ora = TestDatabases.oracle().orElseThrow();
        String user = "FERRY_CDC_" + ProcessHandle.current().pid();
        try (Connection c = ora.connect(); Statement st = c.createStatement()) {
            st.execute("create user " + user + " identified by \"Ferry_Cdc_1\" default tablespace users quota unlimited on users");
            st.execute("grant create session, create table to " + user);
            st.execute("create table " + user + ".items (id number(10) primary key, name varchar2(50), amount number(12,2), "
                    + "created date, data raw(8))");
            st.execute("alter table " + user + ".items add supplemental log data (all) columns");
        }
        QualifiedName items = new QualifiedName(user, "ITEMS");
        OracleCdcConfig config = OracleCdcConfig.forTables(ora.jdbcUrl(), ora.user(), ora.password().toCharArray(), List.of(items));
        try (OracleLogMinerSource source = new OracleLogMinerSource(config)) {
            source.start(null);
            try (Connection c = ora.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("insert into " + user + ".items values (1, 'O''Brien', 12.5, date '2024-01-02', hextoraw('00ff'))");
                st.execute("insert into " + user + ".items values (2, 'two', null, null, null)");
                c.commit();
                st.execute("insert into " + user + ".items values (3, 'rolled back', 1, null, null)");
                c.rollback();
                st.execute("update " + user + ".items set name = 'changed', amount = null where id = 1");
                st.execute("delete from " + user + ".items where id = 2");
                c.commit();
            }
            List<ChangeEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (events.stream().filter(e -> e instanceof ChangeEvent.Commit).count() < 2 && System.nanoTime() < deadline) {
                ChangeEvent e = source.poll(Duration.ofSeconds(1));
                if (e != null) {
                    events.add(e);
                }
            }
            List<ChangeEvent.RowChange> rows = events.stream().filter(e -> e instanceof ChangeEvent.RowChange)
                    .map(e -> (ChangeEvent.RowChange) e).toList();
            assertThat(rows).extracting(ChangeEvent.RowChange::operation).containsExactly(ChangeEvent.Operation.INSERT,
                    ChangeEvent.Operation.INSERT, ChangeEvent.Operation.UPDATE, ChangeEvent.Operation.DELETE);
            assertThat(rows.get(0).value("NAME")).isEqualTo("O'Brien");
            assertThat(rows.get(0).value("AMOUNT")).isEqualTo(new BigDecimal("12.5"));
            assertThat(rows.get(2).value("NAME")).isEqualTo("changed");
            assertThat(rows.get(2).value("AMOUNT")).isNull();
            assertThat(rows.get(3).oldValue("ID")).isEqualTo(new BigDecimal("2"));
        } finally {
            try (Connection c = ora.connect(); Statement st = c.createStatement()) {
                st.execute("drop user " + user + " cascade");
            }
        }
    }
}
