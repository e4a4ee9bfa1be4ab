package dev.ferry.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabasesIT {

    @Test
    void postgresIsLogical() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show wal_level")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
        String db = pg.createDatabase("fixture");
        pg.execute(db, "create table t(id int primary key)", "insert into t values (1)");
        try (Connection c = pg.connect(db); ResultSet rs = c.createStatement().executeQuery("select count(*) from t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void mariaDbHasRowBinlogAndLocalInfile() throws Exception {
        TestServer my = TestDatabases.mysql();
        try (Connection c = my.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select @@log_bin, @@binlog_format, @@binlog_row_image, @@local_infile")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("ROW");
            assertThat(rs.getString(3)).isEqualTo("FULL");
            assertThat(rs.getInt(4)).isEqualTo(1);
        }
        String db = my.createDatabase("fixture");
        my.execute(db, "create table t(id int primary key)");
        // privileges are enforced as on a real server: a wrong password is refused
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "not-the-password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(my.jdbcUrl(db), p).close())
                .isInstanceOf(java.sql.SQLException.class)
                .hasMessageContaining("Access denied");
        assertThat(db).startsWith("fixture_");
    }

    @Test
    void externalUrlsAreParsed() {
        // parsing only: the constructor would connect, so exercise the URI handling through a bad port, which must fail clearly
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        TestDatabases.external(TestServer.Kind.POSTGRESQL, "postgresql://u:p@127.0.0.1:1/db", 5432, "postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining(":p@");
    }
}
