package dev.ferry.engine.deploy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a destructive target preparation would change on the target, read before it runs: the plan's existing tables
 * (and for drop-and-create views) that {@link Deployer} drops or truncates, each with its row count (counted up to
 * {@link #ROW_COUNT_LIMIT}). The CLI prints it with a dry run and names its count in the confirmation; the workbench
 * shows it and asks the same question. {@link Deployer#preview} computes it with the same selection the deploy uses.
 *
 * @param prep   the preparation
 * @param target the target (redacted)
 * @param items  the objects, in the order the preparation handles them (drop: reverse deploy order)
 */
public record TargetPrepPreview(DeployOptions.TargetPrep prep, String target, List<Item> items) {

    /** Rows are counted up to this many (a bounded count stays cheap on large tables). */
    public static final long ROW_COUNT_LIMIT = 100_000;

    /**
     * One object the preparation drops or truncates.
     *
     * @param key  the object's key ({@code TABLE:shop.orders})
     * @param type {@code TABLE}, {@code VIEW} or {@code MATERIALIZED_VIEW}
     * @param name {@code schema.name}
     * @param rows the table's row count, {@code -1} when not counted (views, or the count failed); at most
     *             {@link #ROW_COUNT_LIMIT} + 1 ({@link #moreRows()})
     */
    public record Item(String key, String type, String name, long rows) {

        /** Whether the table has more than {@link #ROW_COUNT_LIMIT} rows (the count stopped there). */
        public boolean moreRows() {
            return rows > ROW_COUNT_LIMIT;
        }

        /** {@code DROP TABLE shop.orders (12 rows)}. */
        public String describe(DeployOptions.TargetPrep prep) {
            String verb = prep == DeployOptions.TargetPrep.TRUNCATE ? "TRUNCATE" : "DROP";
            return verb + " " + type.replace('_', ' ') + " " + name + rowsText();
        }

        private String rowsText() {
            if (rows < 0) {
                return "";
            }
            if (moreRows()) {
                return String.format(Locale.ROOT, " (more than %,d rows)", ROW_COUNT_LIMIT);
            }
            return String.format(Locale.ROOT, " (%,d row%s)", rows, rows == 1 ? "" : "s");
        }
    }

    public TargetPrepPreview {
        Objects.requireNonNull(prep, "prep");
        items = List.copyOf(items);
    }

    /** The CLI spelling: {@code do-nothing}, {@code drop-and-create}, {@code truncate}. */
    public static String cliName(DeployOptions.TargetPrep prep) {
        return prep.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Tables among the items. */
    public long tables() {
        return items.stream().filter(i -> "TABLE".equals(i.type())).count();
    }

    /** Rows in the items' tables (counted ones; a table above the limit counts as the limit). */
    public long rows() {
        return items.stream().filter(i -> i.rows() > 0).mapToLong(i -> Math.min(i.rows(), ROW_COUNT_LIMIT)).sum();
    }

    /** Whether any table has more rows than were counted. */
    public boolean moreRows() {
        return items.stream().anyMatch(Item::moreRows);
    }

    /** {@code drop 2 tables and 1 view (15 rows)}; {@code nothing to drop} when no object of the plan exists. */
    public String summary() {
        String verb = prep == DeployOptions.TargetPrep.TRUNCATE ? "truncate" : "drop";
        if (prep == DeployOptions.TargetPrep.DO_NOTHING) {
            return "leave the existing tables as they are";
        }
        if (items.isEmpty()) {
            return "nothing to " + verb + ": none of the plan's " + (prep == DeployOptions.TargetPrep.TRUNCATE ? "tables"
                    : "tables or views") + " exists on the target yet";
        }
        long t = tables();
        long v = items.size() - t;
        StringBuilder sb = new StringBuilder(verb).append(' ');
        if (t > 0) {
            sb.append(t).append(t == 1 ? " table" : " tables");
        }
        if (v > 0) {
            sb.append(t > 0 ? " and " : "").append(v).append(v == 1 ? " view" : " views");
        }
        if (t > 0) {
            sb.append(String.format(Locale.ROOT, " (%s%,d rows)", moreRows() ? "more than " : "", rows()));
        }
        return sb.toString();
    }

    /**
     * The confirmation question: names the preparation, the count of objects and the target.
     *
     * @param target what to call the target (an endpoint name and its description; redacted by the caller)
     */
    public String question(String target) {
        return "Target preparation " + cliName(prep) + " will " + summary() + " on " + target + " before deploying: "
                + (prep == DeployOptions.TargetPrep.TRUNCATE ? "their rows are deleted." : "their rows and grants are lost.")
                + " This cannot be undone.";
    }
}
