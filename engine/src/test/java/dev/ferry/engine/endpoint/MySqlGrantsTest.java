package dev.ferry.engine.endpoint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlGrantsTest {

    @Test
    void allPrivilegesOnStarStarCoversEverything() {
        MySqlGrants g = MySqlGrants.parse(List.of(
                "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` IDENTIFIED VIA unix_socket WITH GRANT OPTION",
                "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION"));
        assertThat(g.hasGlobal("REPLICATION SLAVE")).isTrue();
        assertThat(g.hasGlobal("REPLICATION CLIENT")).isTrue();
        assertThat(g.hasOnDatabase("SELECT", "anything")).isTrue();
    }

    @Test
    void replicationGrantsAndMariaDbRename() {
        MySqlGrants g = MySqlGrants.parse(List.of("GRANT BINLOG MONITOR, REPLICATION SLAVE ON *.* TO `cdc`@`%` IDENTIFIED BY PASSWORD '*ABC'"));
        assertThat(g.hasGlobal("REPLICATION SLAVE")).isTrue();
        assertThat(g.hasGlobal("REPLICATION CLIENT")).isTrue();
        assertThat(g.hasOnDatabase("SELECT", "shop")).isFalse();

        MySqlGrants onlyDb = MySqlGrants.parse(List.of("GRANT REPLICATION SLAVE ON *.* TO 'x'@'%'",
                "GRANT SELECT, INSERT ON `shop`.* TO 'x'@'%'"));
        assertThat(onlyDb.hasGlobal("REPLICATION CLIENT")).isFalse();
        assertThat(onlyDb.hasOnDatabase("SELECT", "shop")).isTrue();
        assertThat(onlyDb.hasOnDatabase("SELECT", "other")).isFalse();
    }

    @Test
    void mysql8DynamicPrivilegesWithoutSpaces() {
        MySqlGrants g = MySqlGrants.parse(List.of(
                "GRANT SELECT,RELOAD,REPLICATION SLAVE,REPLICATION CLIENT ON *.* TO `dbz`@`%`",
                "GRANT BACKUP_ADMIN,BINLOG_ADMIN ON *.* TO `dbz`@`%`",
                "GRANT `reporting`@`%`,`etl` TO `dbz`@`%`"));
        assertThat(g.hasGlobal("REPLICATION SLAVE")).isTrue();
        assertThat(g.hasOnDatabase("SELECT", "x")).isTrue();
        assertThat(g.roles()).containsExactly("reporting@%", "etl");
    }

    @Test
    void wildcardsAndEscapesInDatabaseGrants() {
        MySqlGrants g = MySqlGrants.parse(List.of(
                "GRANT CREATE, DROP ON `app\\_%`.* TO 'u'@'%'",
                "GRANT SELECT (id, name), UPDATE (name) ON `hr`.`emp` TO 'u'@'%'",
                "GRANT EXECUTE ON PROCEDURE `hr`.`p` TO 'u'@'%'"));
        assertThat(g.hasOnDatabase("CREATE", "app_one")).isTrue();
        assertThat(g.hasOnDatabase("CREATE", "appXone")).isFalse();
        assertThat(g.hasOnDatabase("SELECT", "hr")).isFalse();
        assertThat(g.hasTableGrantsIn("hr")).isTrue();
        assertThat(g.grants().get(1).privileges()).containsExactly("SELECT", "UPDATE");
        assertThat(g.grants().get(1).table()).isEqualTo("emp");
    }

    @Test
    void usageOnlyGrantsNothing() {
        MySqlGrants g = MySqlGrants.parse(List.of("GRANT USAGE ON *.* TO `nobody`@`%`"));
        assertThat(g.hasGlobal("REPLICATION SLAVE")).isFalse();
        assertThat(g.hasOnDatabase("SELECT", "x")).isFalse();
    }

    @Test
    void quotedNamesWithDotsAndSpaces() {
        assertThat(MySqlGrants.splitObject("`my.db`.`a b`")).containsExactly("my.db", "a b");
        assertThat(MySqlGrants.splitObject("*.*")).containsExactly("*", "*");
        assertThat(MySqlGrants.splitObject("`x`.*")).containsExactly("x", "*");
    }
}
