package dev.ferry.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CutoverStateTest {

    @TempDir
    Path dir;

    @Test
    void everyChangeIsSavedAndReadBack() {
        Path file = CutoverState.of(dir, "t");
        CutoverState s = CutoverState.load(file, "t");
        assertThat(s.complete()).isFalse();
        s.begin(CutoverState.Step.WRITES_STOPPED);
        s.detail(CutoverState.Step.WRITES_STOPPED, "confirmed with --yes");
        s.end(CutoverState.Step.WRITES_STOPPED, CutoverState.Status.DONE);
        s.begin(CutoverState.Step.DRAIN);
        // an interruption here: the file says RUNNING
        CutoverState back = CutoverState.load(file, "t");
        assertThat(back.steps.get(CutoverState.Step.WRITES_STOPPED).status).isEqualTo(CutoverState.Status.DONE);
        assertThat(back.steps.get(CutoverState.Step.WRITES_STOPPED).details).containsExactly("confirmed with --yes");
        assertThat(back.steps.get(CutoverState.Step.DRAIN).status).isEqualTo(CutoverState.Status.RUNNING);
        assertThat(back.text()).contains("Cutover of task t: NOT COMPLETE").contains("1. confirm that writes on the source are stopped")
                .contains("DONE");
        for (CutoverState.Step step : CutoverState.Step.values()) {
            back.begin(step);
            back.end(step, CutoverState.Status.DONE);
        }
        assertThat(CutoverState.load(file, "t").complete()).isTrue();
        assertThat(back.json().get("complete").asBoolean()).isTrue();
    }

    @Test
    void aDamagedFileIsAConfigurationErrorNamingIt() throws Exception {
        Path file = CutoverState.of(dir, "t");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"steps\": [{\"step\": \"NOPE\", \"status\": \"DONE\"}]}");
        assertThatThrownBy(() -> CutoverState.load(file, "t")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("--restart");
    }
}
