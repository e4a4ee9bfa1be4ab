package dev.ferry.app.gui.tasks;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The heartbeat's arithmetic, its stack classification, and a blocked fake UI thread caught with its stack. */
class FxHeartbeatTest {

    @Test
    void overlapCountsTheUnionOfIntervalsInsideTheGapOnce() {
        List<long[]> stalls = List.of(new long[] {0, 30}, new long[] {20, 50}, new long[] {90, 200}, new long[] {300, 400});
        assertThat(FxHeartbeat.overlap(10, 100, stalls)).isEqualTo(40 + 10); // [10,50] and [90,100]
        assertThat(FxHeartbeat.overlap(210, 290, stalls)).isZero();
        assertThat(FxHeartbeat.overlap(0, 1000, List.of())).isZero();
    }

    @Test
    void blockedIsTheGapMinusMachineStallsButNeverLessThanTheUiThreadsOwnCpuTime() {
        var s = new FxHeartbeat.Stall(0, 180, 20, 60, 0, 100, -1, 180, 110, "x", List.of());
        assertThat(s.blockedMillis()).isEqualTo(70);
        assertThat(s.minusControlMillis()).isEqualTo(120);
        // a beat posted late by a starved poster: only its wait counts
        assertThat(new FxHeartbeat.Stall(0, 180, 5, 0, 0, 0, -1, 30, 0, "x", List.of()).blockedMillis()).isEqualTo(30);
        assertThat(new FxHeartbeat.Stall(0, 180, 40, 200, 0, -1, -1, 180, 180, "x", List.of()).blockedMillis()).isEqualTo(40);
    }

    @Test
    void classifiesClassLoadingCssBoundsAndIoOnTheUiThread() {
        StackTraceElement load = new StackTraceElement("java.lang.ClassLoader", "loadClass", "ClassLoader.java", 1);
        StackTraceElement css = new StackTraceElement("javafx.scene.CssStyleHelper", "transitionToState", "C.java", 1);
        StackTraceElement bounds = new StackTraceElement("javafx.scene.Parent", "updateBounds", "Parent.java", 1);
        StackTraceElement jdbc = new StackTraceElement("org.postgresql.jdbc.PgStatement", "execute", "P.java", 1);
        StackTraceElement pulse = new StackTraceElement("javafx.scene.Scene$ScenePulseListener", "pulse", "Scene.java", 1);
        assertThat(FxHeartbeat.classify(Thread.State.RUNNABLE, new StackTraceElement[] {load, css, pulse})).startsWith("class loading");
        assertThat(FxHeartbeat.classify(Thread.State.RUNNABLE, new StackTraceElement[] {css, pulse})).startsWith("CSS");
        assertThat(FxHeartbeat.classify(Thread.State.RUNNABLE, new StackTraceElement[] {bounds, bounds, pulse})).startsWith("scene bounds");
        assertThat(FxHeartbeat.classify(Thread.State.RUNNABLE, new StackTraceElement[] {jdbc, pulse})).startsWith("I/O");
    }

    @Test
    void aFakeUiThreadBusyFor150MsOfCpuShowsAsAGapWithItsStack() throws Exception {
        ExecutorService fakeUi = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
        try {
            FxHeartbeat heartbeat = new FxHeartbeat(fakeUi);
            heartbeat.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> heartbeat.result().beats() >= 3);
            fakeUi.submit(FxHeartbeatTest::spinFor150MsOfCpu).get(30, TimeUnit.SECONDS);
            long after = heartbeat.result().beats();
            await().atMost(Duration.ofSeconds(10)).until(() -> heartbeat.result().beats() > after + 1);
            FxHeartbeat.Result r = heartbeat.stop();

            assertThat(r.worstGapMillis()).isGreaterThanOrEqualTo(150);
            FxHeartbeat.Stall spin = r.stalls().stream().filter(s -> s.uiCpuMillis() >= 140).findFirst().orElseThrow();
            assertThat(spin.gapMillis()).isGreaterThanOrEqualTo(150);
            assertThat(spin.samples()).as("stack samples taken while the UI thread was late")
                    .anyMatch(x -> x.contains("spinFor150MsOfCpu"));
            assertThat(r.report(1)).contains("gap", "spinFor150MsOfCpu");
            assertThat(r.controlWorstGapMillis()).isPositive();
        } finally {
            fakeUi.shutdownNow();
        }
    }

    /** Work, not a sleep: the heartbeat must see the thread running Ferry code. */
    private static Object spinFor150MsOfCpu() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long until = t.getCurrentThreadCpuTime() + 150_000_000L;
        long x = 0;
        while (t.getCurrentThreadCpuTime() < until) {
            x += System.nanoTime() % 7;
        }
        return x;
    }
}
