package dev.ferry.engine.deploy;

import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares a planned object with the target's catalog (read by {@code dev.ferry.engine.catalog}): absent, present and
 * matching, present and different (with what differs), or present but not comparable (the assessment gave no expected
 * shape, or the object type has none). Tables are compared column by column (name, type, nullability) and by primary
 * key; indexes by uniqueness and key columns.
 *
 * <p>Threading: stateless.
 */
public final class DriftCheck {

    /** What the catalog says about an object. */
    public enum State { ABSENT, SAME, DIFFERENT, EXISTS_NOT_COMPARED, NOT_CHECKED }

    /**
     * @param state       the finding
     * @param differences for {@link State#DIFFERENT}: one line per difference
     * @param note        what was (not) compared
     */
    public record Finding(State state, List<String> differences, String note) {
        public Finding {
            differences = List.copyOf(differences);
        }

        static Finding of(State s, String note) {
            return new Finding(s, List.of(), note);
        }
    }

    private DriftCheck() {
    }

    /** Checks {@code o} against {@code catalog} (of a {@code engine} target). */
    public static Finding check(DeployObject o, DatabaseModel catalog, Engine engine) {
        Optional<Schema> schema = find(catalog.schemas(), Schema::name, "SCHEMA".equals(o.type()) ? o.name() : o.schema());
        if ("SCHEMA".equals(o.type())) {
            return schema.isPresent() ? Finding.of(State.SAME, "schema exists") : Finding.of(State.ABSENT, null);
        }
        switch (o.type()) {
            case "TABLE", "VIEW", "MATERIALIZED_VIEW", "SEQUENCE", "INDEX", "CONSTRAINT", "FOREIGN_KEY", "ROUTINE", "TRIGGER",
                    "TYPE" -> {
                // checked below
            }
            default -> {
                return Finding.of(State.NOT_CHECKED, o.type().toLowerCase(Locale.ROOT) + " is run every time (no existence check)");
            }
        }
        if (schema.isEmpty()) {
            return Finding.of(State.ABSENT, null);
        }
        Schema s = schema.get();
        switch (o.type()) {
            case "TABLE" -> {
                Optional<Table> t = find(s.tables(), Table::name, o.name());
                return t.isEmpty() ? Finding.of(State.ABSENT, null) : compareTable(o, t.get(), engine);
            }
            case "VIEW", "MATERIALIZED_VIEW" -> {
                return exists(find(s.views(), v -> v.name(), o.name()).isPresent(), "view definition not compared");
            }
            case "SEQUENCE" -> {
                return exists(find(s.sequences(), q -> q.name(), o.name()).isPresent(), "sequence options not compared");
            }
            case "ROUTINE" -> {
                return exists(find(s.routines(), r -> r.name(), o.name()).isPresent(), "routine body not compared");
            }
            case "TRIGGER" -> {
                return exists(find(s.triggers(), r -> r.name(), o.name()).isPresent(), "trigger body not compared");
            }
            case "TYPE" -> {
                return exists(find(s.types(), r -> r.name(), o.name()).isPresent(), "type definition not compared");
            }
            case "INDEX" -> {
                for (Table t : tablesFor(o, s)) {
                    Optional<Index> i = find(t.indexes(), Index::name, local(o, s));
                    if (i.isPresent()) {
                        return compareIndex(o, t, i.get());
                    }
                }
                return Finding.of(State.ABSENT, null);
            }
            case "CONSTRAINT" -> {
                for (Table t : tablesFor(o, s)) {
                    boolean found = t.primaryKey() != null && same(t.primaryKey().name(), local(o, s))
                            || find(t.uniqueKeys(), KeyConstraint::name, local(o, s)).isPresent()
                            || find(t.checks(), c -> c.name(), local(o, s)).isPresent()
                            || find(t.indexes(), Index::name, local(o, s)).filter(Index::unique).isPresent();
                    if (found) {
                        return Finding.of(State.EXISTS_NOT_COMPARED, "constraint exists on " + t.name() + "; definition not compared");
                    }
                }
                return Finding.of(State.ABSENT, null);
            }
            case "FOREIGN_KEY" -> {
                for (Table t : tablesFor(o, s)) {
                    if (find(t.foreignKeys(), f -> f.name(), local(o, s)).isPresent()) {
                        return Finding.of(State.EXISTS_NOT_COMPARED, "foreign key exists on " + t.name() + "; definition not compared");
                    }
                }
                return Finding.of(State.ABSENT, null);
            }
            default -> {
                return Finding.of(State.NOT_CHECKED, null);
            }
        }
    }

    private static Finding exists(boolean found, String note) {
        return found ? Finding.of(State.EXISTS_NOT_COMPARED, note) : Finding.of(State.ABSENT, null);
    }

    /**
     * The table a {@code <table>.<name>} object name qualifies it with: MySQL/MariaDB index and constraint names are per
     * table, so the assessment names them {@code Album.IFK_AlbumArtistId}.
     */
    private static Optional<Table> namedTable(DeployObject o, Schema s) {
        int dot = o.name().indexOf('.');
        return dot > 0 ? find(s.tables(), Table::name, o.name().substring(0, dot)) : Optional.empty();
    }

    /** The object's name without its table qualifier (see {@link #namedTable}). */
    private static String local(DeployObject o, Schema s) {
        return namedTable(o, s).isPresent() ? o.name().substring(o.name().indexOf('.') + 1) : o.name();
    }

    /** The table the name qualifies it with alone; else the object's own table first (from its dependencies), then every table. */
    private static List<Table> tablesFor(DeployObject o, Schema s) {
        Optional<Table> named = namedTable(o, s);
        if (named.isPresent()) {
            return List.of(named.get());
        }
        List<Table> out = new ArrayList<>();
        String own = o.expected() != null && o.expected().table() != null ? o.expected().table() : o.owningTable();
        if (own != null) {
            find(s.tables(), Table::name, own).ifPresent(out::add);
        }
        s.tables().stream().filter(t -> !out.contains(t)).forEach(out::add);
        return out;
    }

    static Finding compareTable(DeployObject o, Table actual, Engine engine) {
        ExpectedShape e = o.expected();
        if (e == null || e.columns().isEmpty()) {
            return Finding.of(State.EXISTS_NOT_COMPARED, "table exists; the assessment has no expected columns to compare");
        }
        List<String> diffs = new ArrayList<>();
        for (ExpectedShape.ExpectedColumn c : e.columns()) {
            Optional<Column> a = find(actual.columns(), Column::name, c.name());
            if (a.isEmpty()) {
                diffs.add("column " + c.name() + ": missing on the target (expected " + c.type() + ")");
                continue;
            }
            String want = TypeNames.canonical(engine, c.type());
            String have = TypeNames.canonical(engine, a.get().type().declared());
            if (!want.equals(have)) {
                diffs.add("column " + c.name() + ": type " + a.get().type().declared() + " on the target, expected " + c.type());
            }
            if (a.get().nullable() != c.nullable()) {
                diffs.add("column " + c.name() + ": " + (a.get().nullable() ? "NULL" : "NOT NULL") + " on the target, expected "
                        + (c.nullable() ? "NULL" : "NOT NULL"));
            }
        }
        for (Column a : actual.columns()) {
            if (find(e.columns(), ExpectedShape.ExpectedColumn::name, a.name()).isEmpty()) {
                diffs.add("column " + a.name() + ": extra on the target (" + a.type().declared() + ")");
            }
        }
        List<String> pk = actual.primaryKey() == null ? List.of() : actual.primaryKey().columns();
        if (!sameNames(pk, e.primaryKey())) {
            diffs.add("primary key (" + String.join(", ", pk) + ") on the target, expected (" + String.join(", ", e.primaryKey()) + ")");
        }
        return diffs.isEmpty()
                ? Finding.of(State.SAME, "table exists with the same columns, types, nullability and primary key")
                : new Finding(State.DIFFERENT, diffs, null);
    }

    static Finding compareIndex(DeployObject o, Table table, Index actual) {
        ExpectedShape e = o.expected();
        if (e == null || e.keys().isEmpty()) {
            return Finding.of(State.EXISTS_NOT_COMPARED, "index exists on " + table.name() + "; the assessment has no expected keys");
        }
        List<String> diffs = new ArrayList<>();
        if (e.table() != null && !same(e.table(), table.name())) {
            diffs.add("on table " + table.name() + ", expected on " + e.table());
        }
        if (actual.unique() != e.unique()) {
            diffs.add((actual.unique() ? "unique" : "not unique") + " on the target, expected " + (e.unique() ? "unique" : "not unique"));
        }
        List<String> keys = actual.elements().stream().map(x -> x.isExpression() ? x.expression() : x.column()).toList();
        if (!sameNames(keys, e.keys())) {
            diffs.add("keys (" + String.join(", ", keys) + ") on the target, expected (" + String.join(", ", e.keys()) + ")");
        }
        return diffs.isEmpty() ? Finding.of(State.SAME, "index exists with the same table, uniqueness and keys")
                : new Finding(State.DIFFERENT, diffs, null);
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    /** Exact name first, else the only case-insensitive match. */
    static <T> Optional<T> find(List<T> items, Function<T, String> name, String wanted) {
        if (wanted == null) {
            return Optional.empty();
        }
        for (T t : items) {
            if (wanted.equals(name.apply(t))) {
                return Optional.of(t);
            }
        }
        List<T> ci = items.stream().filter(t -> wanted.equalsIgnoreCase(name.apply(t))).toList();
        return ci.size() == 1 ? Optional.of(ci.get(0)) : Optional.empty();
    }
}
