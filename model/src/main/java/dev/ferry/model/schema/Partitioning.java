package dev.ferry.model.schema;

import java.util.List;

/** Table partitioning: method ({@code range}, {@code list}, {@code hash}, {@code key}...), key expressions and partitions. */
public record Partitioning(String method, List<String> keys, List<Partition> partitions) {

    /** One partition; {@code bound} is the boundary clause in the source dialect. */
    public record Partition(String name, String bound) {
    }

    public Partitioning {
        keys = Lists.copy(keys);
        partitions = Lists.copy(partitions);
    }
}
