package dev.ferry.app.gui.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class the monitor preloads exists in this build (a renamed class would silently stop being preloaded); tick labels. */
class MonitorPreloadTest {

    @Test
    void everyListedClassLoadsOffTheUiThread() {
        assertThat(MonitorPreload.run(false)).isEmpty(); // no toolkit here: controls are loaded, not initialised
        assertThat(MonitorPreload.CLASSES).doesNotHaveDuplicates();
    }

    @Test
    void chartTickLabelsAreFormattedByHand() {
        assertThat(TasksView.TICK_LABELS.toString(12500)).isEqualTo("12,500");
        assertThat(TasksView.TICK_LABELS.toString(0.25)).isEqualTo("0.25");
        assertThat(TasksView.TICK_LABELS.toString(-1.5)).isEqualTo("-1.5");
        assertThat(TasksView.TICK_LABELS.toString(0)).isEqualTo("0");
        assertThat(TasksView.TICK_LABELS.fromString("12,500").doubleValue()).isEqualTo(12500);
    }
}
