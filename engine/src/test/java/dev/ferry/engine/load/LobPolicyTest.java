package dev.ferry.engine.load;

import dev.ferry.model.project.DmsInteger;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LobPolicyTest {

    @Test
    void lobTypesPerEngine() {
        assertThat(LobPolicy.isLob(Engine.POSTGRESQL, TestTables.type("text"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.POSTGRESQL, TestTables.type("bytea"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.POSTGRESQL, TestTables.type("jsonb"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.POSTGRESQL, TestTables.type("varchar(10)"))).isFalse();
        assertThat(LobPolicy.isLob(Engine.MYSQL, TestTables.type("longblob"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.MYSQL, TestTables.type("mediumtext"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.MYSQL, TestTables.type("tinytext"))).isFalse();
        assertThat(LobPolicy.isLob(Engine.MYSQL, TestTables.type("varchar(3000)"))).isFalse();
        assertThat(LobPolicy.isLob(Engine.SQLITE, TestTables.type("TEXT"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.SQLITE, TestTables.type("BLOB"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.SQLITE, TestTables.type("NVARCHAR(40)"))).isFalse();
        assertThat(LobPolicy.isLob(Engine.ORACLE, TestTables.type("nclob"))).isTrue();
        assertThat(LobPolicy.isLob(Engine.ORACLE, TestTables.type("varchar2(100)"))).isFalse();
    }

    @Test
    void utf8CutNeverSplitsACharacter() {
        assertThat(TruncatedLob.cutUtf8("ab€🚲", 5)).isEqualTo("ab€");
        assertThat(TruncatedLob.cutUtf8("ab€🚲", 8)).isEqualTo("ab€");
        assertThat(TruncatedLob.cutUtf8("ab€🚲", 9)).isEqualTo("ab€🚲");
        assertThat(TruncatedLob.cutUtf8("", 0)).isEmpty();
    }

    @Test
    void taskSettingsAndTableRules() {
        LobPolicy task = LobPolicy.from(TaskSettings.DEFAULTS);
        assertThat(task.mode()).isEqualTo(LobPolicy.Mode.FULL);
        assertThat(task.maxBytes()).isEqualTo(32 * 1024);
        assertThat(task.chunkBytes()).isEqualTo(64 * 1024);
        assertThat(task.truncation()).isEqualTo(LobPolicy.Truncation.LOAD_AND_NOTE);

        Table docs = TestTables.table("app", "docs", "id integer pk", "body text null");
        Table other = TestTables.table("app", "other", "id integer pk");
        TableSettingsRule limited = new TableSettingsRule("1", "docs", ObjectLocator.table("app", "do%"), null,
                new TableSettingsRule.LobSettings(TableSettingsRule.LobMode.LIMITED, DmsInteger.of(200)), Set.of());
        TableSettingsRule unlimited = new TableSettingsRule("2", "all", ObjectLocator.table("app", "%"), null,
                new TableSettingsRule.LobSettings(TableSettingsRule.LobMode.UNLIMITED, DmsInteger.of(16)), Set.of());
        LoadSettings s = LoadSettings.from("t", TaskSettings.DEFAULTS).withTableSettings(List.of(limited, unlimited));
        assertThat(s.lobPolicyFor(docs)).isEqualTo(new LobPolicy(LobPolicy.Mode.LIMITED, 200 * 1024, 64 * 1024, null));
        assertThat(s.lobPolicyFor(other)).isEqualTo(new LobPolicy(LobPolicy.Mode.FULL, 32 * 1024, 16 * 1024, null));
        TableSettingsRule none = new TableSettingsRule("3", "none", ObjectLocator.table("app", "docs"), null,
                new TableSettingsRule.LobSettings(TableSettingsRule.LobMode.NONE, null), Set.of());
        assertThat(LobPolicy.forTable(task, docs, List.of(none))).isEqualTo(task); // DMS: none = the task's settings
        TableSettingsRule zero = new TableSettingsRule("4", "zero", ObjectLocator.table("app", "docs"), null,
                new TableSettingsRule.LobSettings(TableSettingsRule.LobMode.LIMITED, DmsInteger.of(0)), Set.of());
        assertThatThrownBy(() -> LobPolicy.forTable(task, docs, List.of(zero))).hasMessageContaining("rule 4");
    }
}
