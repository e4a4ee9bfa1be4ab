package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.cdc.apply.ApplyStats;
import dev.ferry.engine.cdc.apply.CdcMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CdcStatusFileTest {

    @TempDir
    Path dir;

    static CdcMetrics metrics() {
        return new CdcMetrics(Instant.parse("2026-01-01T00:00:00Z"), ApplyStats.ConnectionState.STREAMING, 1.25, 0.004, 1500.4,
                1499.6, 90_000, 89_990, 12, 64L << 20, 1L << 30, 3 * 1024 * 1024, "bytes", "pg:1", null, 2,
                Map.of("public.a", new CdcMetrics.TableMetrics(5, 6, 7, 0, 1)));
    }

    @Test
    void statusLineShowsLatenciesRatesQueueHeapAndLag() {
        String line = CdcStatusFile.line("t", "STREAMING", metrics());
        assertThat(line).contains("latency source 1.3 s, target 0.004 s").contains("in 1,500/s, applied 1,500/s")
                .contains("total 89,990").contains("queue 12").contains("heap 64 MiB").contains("lag 3.0 MiB")
                .contains("rejected 2");
    }

    @Test
    void writtenFileHoldsPhaseMetricsAndPerTableCounts() {
        CdcStatusFile f = new CdcStatusFile(CdcStatusFile.of(dir, "t"), "t");
        f.phase = "STREAMING";
        f.stopCondition = "0/16B3748";
        f.write(metrics());
        JsonNode n = CdcStatusFile.read(f.file());
        assertThat(n.path("phase").asText()).isEqualTo("STREAMING");
        assertThat(n.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(n.path("stopCondition").asText()).isEqualTo("0/16B3748");
        assertThat(n.path("metrics").path("sourceLag").asLong()).isEqualTo(3 * 1024 * 1024);
        assertThat(n.path("metrics").path("tables").path("public.a").path("ddls").asLong()).isOne();
        assertThat(n.path("metrics").path("tables").path("public.a").path("deletes").asLong()).isEqualTo(7);
    }
}
