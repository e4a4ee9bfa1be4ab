package dev.ferry.app.gui.tasks;

import dev.ferry.engine.cdc.apply.CdcMetrics;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.validate.TableValidation;

import java.util.List;
import java.util.Map;

/**
 * What the monitor shows at one moment, built off the UI thread by {@link LoadMonitor} and applied on it. Immutable.
 *
 * @param atMillis     milliseconds since the run started
 * @param planned      the planned tables (empty until the plan is known)
 * @param progress     the latest progress per table key
 * @param validations  validation results per table key
 * @param rejected     rejected rows per table key
 * @param logs         log lines since the previous snapshot
 * @param rangesDone   committed ranges, all tables
 * @param heapUsed     JVM heap in use, bytes
 * @param heapMax      JVM heap limit, bytes
 * @param cdc          the latest streaming sample of a CDC task, or {@code null} (not streaming yet)
 * @param queueCapacity the CDC source queue's capacity (0 unknown)
 */
public record MonitorSnapshot(long atMillis, List<LoadRunning.PlannedTable> planned, Map<String, TableProgress> progress,
                              Map<String, TableValidation> validations, Map<String, Long> rejected, List<LogLine> logs,
                              long rangesDone, long heapUsed, long heapMax, CdcMetrics cdc, int queueCapacity) {

    /** One line of the log pane. */
    public record LogLine(long atMillis, LoadRunning.Level level, String message) {
    }

    public MonitorSnapshot {
        planned = List.copyOf(planned);
        progress = Map.copyOf(progress);
        validations = Map.copyOf(validations);
        rejected = Map.copyOf(rejected);
        logs = List.copyOf(logs);
    }
}
