package dev.ferry.app.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class DemoEnvironmentIT {

    @TempDir
    Path home;

    @Test
    void generatesTheSourceOnceAndKeepsTargetDataAcrossRestarts() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(home, 1)) {
            assertThat(demo.generated()).isNotNull();
            assertThat(demo.sourceFile()).exists();
            try (Connection c = DriverManager.getConnection(demo.targetJdbcUrl(), "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("create table kept(id int primary key)");
                st.execute("insert into kept values (42)");
            }
        }
        try (DemoEnvironment demo = DemoEnvironment.start(home, 1)) {
            assertThat(demo.generated()).as("source is generated only once").isNull();
            try (Connection c = DriverManager.getConnection(demo.targetJdbcUrl(), "postgres", "");
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            try (Connection c = DriverManager.getConnection(demo.sourceJdbcUrl());
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from orders")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
            dev.ferry.model.project.Project project = dev.ferry.model.project.ProjectFiles.load(demo.writeProject());
            assertThat(project.endpoint("demo-target").orElseThrow().port()).isEqualTo(demo.targetPort());
            assertThat(project.endpoint("demo-source").orElseThrow().path()).isEqualTo(demo.sourceFile().toAbsolutePath().toString());
            assertThat(project.task("demo")).isPresent();
        }
    }
}
