package dev.ferry.engine.load;

import java.util.List;

/** The tables of a full load, each with its ranges. Immutable. */
public record LoadPlan(List<TableJob> jobs) {
    public LoadPlan {
        jobs = List.copyOf(jobs);
    }

    public int rangeCount() {
        return jobs.stream().mapToInt(j -> j.ranges().size()).sum();
    }
}
