package dev.ferry.model.project;

import java.util.List;
import java.util.Set;

/**
 * A DMS {@code table-settings} rule: how one table (or a wildcard set) is loaded.
 *
 * @param ruleId        {@code rule-id}
 * @param ruleName      {@code rule-name}
 * @param objectLocator {@code object-locator} (schema-name, table-name)
 * @param parallelLoad  {@code parallel-load}, or {@code null}
 * @param lobSettings   {@code lob-settings}, or {@code null}
 * @param explicitNulls top-level keys written as JSON {@code null}
 */
public record TableSettingsRule(String ruleId, String ruleName, ObjectLocator objectLocator, ParallelLoad parallelLoad,
                                LobSettings lobSettings, Set<String> explicitNulls) implements TableMappingRule {

    public enum ParallelLoadType { PARTITIONS_AUTO, SUBPARTITIONS_AUTO, PARTITIONS_LIST, RANGES, NONE }

    public enum LobMode { LIMITED, UNLIMITED, NONE }

    /**
     * {@code parallel-load}: split one table's full load into segments loaded concurrently.
     *
     * @param type               {@code type}
     * @param columns            {@code columns} (ranges), or {@code null}
     * @param boundaries         {@code boundaries} (ranges): one list of column values per boundary, or {@code null}
     * @param partitions         {@code partitions} (partitions-list), or {@code null}
     * @param subpartitions      {@code subpartitions} (partitions-list), or {@code null}
     * @param numberOfPartitions {@code number-of-partitions}, or {@code null}
     * @param batchSize          {@code batch-size}, or {@code null}
     */
    public record ParallelLoad(ParallelLoadType type, List<String> columns, List<List<String>> boundaries,
                               List<String> partitions, List<String> subpartitions, DmsInteger numberOfPartitions,
                               DmsInteger batchSize) {
        public ParallelLoad {
            columns = columns == null ? null : List.copyOf(columns);
            boundaries = boundaries == null ? null : boundaries.stream().map(List::copyOf).toList();
            partitions = partitions == null ? null : List.copyOf(partitions);
            subpartitions = subpartitions == null ? null : List.copyOf(subpartitions);
        }
    }

    /**
     * {@code lob-settings}.
     *
     * @param mode        {@code mode}
     * @param bulkMaxSize {@code bulk-max-size} in KB, or {@code null}
     */
    public record LobSettings(LobMode mode, DmsInteger bulkMaxSize) {
    }

    public TableSettingsRule {
        explicitNulls = explicitNulls == null ? Set.of() : Set.copyOf(explicitNulls);
    }

    @Override
    public String ruleType() {
        return "table-settings";
    }
}
