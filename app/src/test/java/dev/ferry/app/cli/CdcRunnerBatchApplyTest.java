package dev.ferry.app.cli;

import dev.ferry.engine.cdc.apply.ApplySettings;
import dev.ferry.model.project.TaskSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The project file's batch-apply settings (DMS names) reach the applier the CLI builds. */
class CdcRunnerBatchApplyTest {

    @Test
    void batchApplyEnabledWithItsTuningBecomesTheAppliersBatchSettings() {
        TaskSettings off = TaskSettings.DEFAULTS;
        assertThat(CdcRunner.batchApply(off)).as("BatchApplyEnabled false: transactional apply").isNull();

        ApplySettings.BatchApply dms = CdcRunner.batchApply(off.withBatchApply(true, null));
        assertThat(dms).isEqualTo(ApplySettings.BatchApply.defaults());

        ApplySettings.BatchApply tuned = CdcRunner.batchApply(off.withBatchApply(true,
                new TaskSettings.BatchApplySettings(0, 5, 64, 2000)));
        assertThat(tuned.timeoutMin()).isEqualTo(Duration.ZERO);
        assertThat(tuned.timeoutMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(tuned.memoryLimitBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(tuned.splitSize()).isEqualTo(2000);
    }
}
