package dev.ferry.engine.catalog;

import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link DatabaseModel} as a readable multi-line summary (what {@code ferry catalog} prints):
 * a header, the totals, then per schema a counts line and one line per table with columns, keys, indexes, rows
 * and size. Stateless and thread-safe.
 *
 * <pre>
 * PostgreSQL 16.4 — database shop_db — captured 2026-11-21T12:00:00Z
 * 1 schema, 6 tables, 2 views, 1 materialized view, 2 sequences, 3 routines, 3 triggers, 11 indexes, 5 foreign keys, 4 types
 *
 * shop: 6 tables, 3 views (1 materialized), 2 sequences, 3 routines, 3 triggers, 4 types
 *   customer           8 columns  PK(id)  1 unique  0 FK  1 check  5 indexes  ~1,000 rows  48 kB
 * </pre>
 */
public final class CatalogPrinter {

    private CatalogPrinter() {
    }

    public static String summary(DatabaseModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append(model.engine().displayName()).append(' ').append(model.serverVersion() == null ? "" : model.serverVersion())
                .append(" — database ").append(model.database())
                .append(" — captured ").append(model.capturedAt()).append('\n');
        DatabaseModel.Counts n = model.counts();
        List<String> totals = new ArrayList<>();
        totals.add(plural(n.schemas(), "schema"));
        totals.add(plural(n.tables(), "table"));
        totals.add(plural(n.views(), "view"));
        totals.add(plural(n.materializedViews(), "materialized view"));
        totals.add(plural(n.sequences(), "sequence"));
        totals.add(plural(n.routines(), "routine"));
        totals.add(plural(n.triggers(), "trigger"));
        totals.add(plural(n.indexes(), "index", "indexes"));
        totals.add(plural(n.foreignKeys(), "foreign key"));
        if (n.packages() > 0) {
            totals.add(plural(n.packages(), "package"));
        }
        if (n.synonyms() > 0) {
            totals.add(plural(n.synonyms(), "synonym"));
        }
        totals.add(plural(n.types(), "type"));
        sb.append(String.join(", ", totals)).append('\n');
        for (Schema s : model.schemas()) {
            sb.append('\n').append(schemaLine(s)).append('\n');
            int width = s.tables().stream().mapToInt(t -> t.name().length()).max().orElse(0);
            for (Table t : s.tables()) {
                sb.append("  ").append(tableLine(t, width)).append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code shop: 6 tables, 3 views (1 materialized), 2 sequences, 3 routines, 3 triggers, 4 types}. */
    public static String schemaLine(Schema s) {
        long mat = s.views().stream().filter(View::materialized).count();
        StringBuilder sb = new StringBuilder(s.name()).append(": ")
                .append(plural(s.tables().size(), "table")).append(", ")
                .append(plural(s.views().size(), "view"));
        if (mat > 0) {
            sb.append(" (").append(mat).append(" materialized)");
        }
        sb.append(", ").append(plural(s.sequences().size(), "sequence"))
                .append(", ").append(plural(s.routines().size(), "routine"))
                .append(", ").append(plural(s.triggers().size(), "trigger"))
                .append(", ").append(plural(s.types().size(), "type"));
        if (!s.packages().isEmpty()) {
            sb.append(", ").append(plural(s.packages().size(), "package"));
        }
        if (!s.synonyms().isEmpty()) {
            sb.append(", ").append(plural(s.synonyms().size(), "synonym"));
        }
        return sb.toString();
    }

    /** One table: name, columns, primary key, unique keys, foreign keys, checks, indexes, rows and size. */
    public static String tableLine(Table t, int nameWidth) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + Math.max(1, nameWidth) + "s", t.name()));
        sb.append("  ").append(plural(t.columns().size(), "column"));
        sb.append("  ").append(t.primaryKey() == null ? "no PK" : "PK(" + String.join(", ", t.primaryKey().columns()) + ")");
        sb.append("  ").append(t.uniqueKeys().size()).append(" unique");
        sb.append("  ").append(t.foreignKeys().size()).append(" FK");
        sb.append("  ").append(plural(t.checks().size(), "check"));
        sb.append("  ").append(plural(t.indexes().size(), "index", "indexes"));
        if (t.estimatedRows() >= 0) {
            sb.append("  ~").append(String.format(Locale.ROOT, "%,d", t.estimatedRows())).append(" rows");
        }
        if (t.sizeBytes() >= 0) {
            sb.append("  ").append(bytes(t.sizeBytes()));
        }
        if (t.kind() != Table.Kind.REGULAR) {
            sb.append("  [").append(t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (t.partitioning() != null) {
                sb.append(' ').append(t.partitioning().method()).append(", ")
                        .append(plural(t.partitioning().partitions().size(), "partition"));
            }
            sb.append(']');
        } else if (t.partitioning() != null) {
            sb.append("  [").append(t.partitioning().method()).append(", ")
                    .append(plural(t.partitioning().partitions().size(), "partition")).append(']');
        }
        return sb.toString();
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
