package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.load.ErrorPolicy;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplySettingsTest {

    @Test
    void defaultsAndCopies() {
        ApplySettings s = ApplySettings.defaults("t");
        assertThat(s.maxEvents()).isEqualTo(1000);
        assertThat(s.errorPolicy()).isEqualTo(ErrorPolicy.STOP);
        assertThat(s.tableMapping().apply(new QualifiedName("shop", "items"))).isEqualTo(new QualifiedName("shop", "items"));
        ApplySettings c = s.withCommit(5, Duration.ofSeconds(2)).withErrorPolicy(ErrorPolicy.SKIP_ROW).intoSchema("public");
        assertThat(c.maxEvents()).isEqualTo(5);
        assertThat(c.maxDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.errorPolicy()).isEqualTo(ErrorPolicy.SKIP_ROW);
        assertThat(c.tableMapping().apply(new QualifiedName("shop", "items"))).isEqualTo(new QualifiedName("public", "items"));
        assertThat(c.task()).isEqualTo("t");
    }

    @Test
    void batchApplyIsOffByDefaultAndKeepsTheDmsDefaults() {
        ApplySettings s = ApplySettings.defaults("t");
        assertThat(s.batchApplyEnabled()).isFalse();
        ApplySettings b = s.withBatchApply(true).withCommit(7, Duration.ofSeconds(1)).intoSchema("public");
        assertThat(b.batchApplyEnabled()).isTrue();
        assertThat(b.batch().timeoutMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.batch().timeoutMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.batch().memoryLimitBytes()).isEqualTo(500L * 1024 * 1024);
        assertThat(b.withBatchApply(false).batchApplyEnabled()).isFalse();
        assertThatThrownBy(() -> new ApplySettings.BatchApply(Duration.ofSeconds(5), Duration.ofSeconds(1), 1L << 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BatchApplyTimeoutMin");
        assertThatThrownBy(() -> new ApplySettings.BatchApply(Duration.ZERO, Duration.ofSeconds(1), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BatchApplyMemoryLimit");
    }

    @Test
    void batchApplyFromTheProjectFilesUnits() {
        ApplySettings.BatchApply b = ApplySettings.BatchApply.of(2, 45, 64, 5000);
        assertThat(b.timeoutMin()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.timeoutMax()).isEqualTo(Duration.ofSeconds(45));
        assertThat(b.memoryLimitBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(b.splitSize()).isEqualTo(5000);
        assertThat(ApplySettings.BatchApply.defaults().splitSize()).as("DMS BatchSplitSize 0 = no limit").isZero();
        assertThatThrownBy(() -> ApplySettings.BatchApply.of(1, 30, 500, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BatchSplitSize");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ApplySettings.defaults("t").withCommit(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEvents");
        assertThatThrownBy(() -> new ApplySettings(null, 1, Duration.ZERO, ErrorPolicy.STOP, null, null, Duration.ZERO, 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("task");
    }

    @Test
    void onlyPostgresAndMySqlTargets() {
        PostgresCdcConfig config = PostgresCdcConfig.forTask("jdbc:postgresql://127.0.0.1:1/x", "u", null, "t");
        ChangeSource source = ChangeSource.of(new PostgresStreamingSource(config));
        assertThat(source.parse("pg:0000000000000010:7FFFFFFFFFFFFFFF:0000000000000018").toText())
                .isEqualTo("pg:0000000000000010:7FFFFFFFFFFFFFFF:0000000000000018");
        LoadEndpoint sqlite = new LoadEndpoint(Engine.SQLITE, () -> null);
        assertThatThrownBy(() -> new ChangeApplier(source, sqlite, ApplySettings.defaults("t"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQLite");
    }
}
