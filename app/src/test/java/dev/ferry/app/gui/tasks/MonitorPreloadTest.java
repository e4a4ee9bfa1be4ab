package dev.ferry.app.gui.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class the monitor preloads exists in this build (a renamed class would silently stop being preloaded). */
class MonitorPreloadTest {

    @Test
    void everyListedClassLoadsOffTheUiThread() {
        assertThat(MonitorPreload.run(false)).isEmpty(); // no toolkit here: controls are loaded, not initialised
        assertThat(MonitorPreload.CLASSES).doesNotHaveDuplicates();
    }
}
