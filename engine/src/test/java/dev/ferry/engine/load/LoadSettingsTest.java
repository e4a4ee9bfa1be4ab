package dev.ferry.engine.load;

import dev.ferry.model.project.TaskSettings;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadSettingsTest {

    @Test
    void mapsDmsTaskSettings() {
        TaskSettings.ErrorPolicy stop = new TaskSettings.ErrorPolicy(TaskSettings.ErrorAction.STOP_TASK,
                TaskSettings.ErrorAction.LOG_ERROR, TaskSettings.ErrorAction.SUSPEND_TABLE, TaskSettings.ErrorAction.IGNORE_RECORD,
                TaskSettings.ErrorAction.LOG_ERROR, TaskSettings.ErrorAction.LOG_ERROR);
        TaskSettings s = new TaskSettings(3, 5000, TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, null, 32, 64, stop, false,
                null, null, false);
        LoadSettings l = LoadSettings.from("t1", s);
        assertThat(l.maxSubTasks()).isEqualTo(3);
        assertThat(l.batchSize()).isEqualTo(5000);
        assertThat(l.errorPolicy()).isEqualTo(ErrorPolicy.STOP);
        assertThat(l.truncateBeforeLoad()).isTrue();
        assertThat(LoadSettings.from("t2", TaskSettings.DEFAULTS).errorPolicy()).isEqualTo(ErrorPolicy.SKIP_ROW);
        assertThat(LoadSettings.from("t2", TaskSettings.DEFAULTS).maxSubTasks()).isEqualTo(8);
    }

    @Test
    void perTablePolicyOverridesTheDefault() {
        LoadSettings l = LoadSettings.defaults("t").withErrorPolicy(ErrorPolicy.STOP, Map.of("s.a", ErrorPolicy.SKIP_TABLE));
        assertThat(l.policyFor("s.a")).isEqualTo(ErrorPolicy.SKIP_TABLE);
        assertThat(l.policyFor("s.b")).isEqualTo(ErrorPolicy.STOP);
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> LoadSettings.defaults("bad name; drop")).hasMessageContaining("task name");
        assertThatThrownBy(() -> LoadSettings.defaults("t").withMaxSubTasks(65)).hasMessageContaining("maxSubTasks");
        assertThatThrownBy(() -> LoadSettings.defaults("t").withBatch(0, 1)).hasMessageContaining("batchSize");
    }

    @Test
    void transientErrorsAreRecognised() {
        assertThat(FullLoad.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(FullLoad.isTransient(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(FullLoad.isTransient(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
        assertThat(FullLoad.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
