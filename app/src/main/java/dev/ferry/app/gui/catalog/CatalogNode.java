package dev.ferry.app.gui.catalog;

import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One node of the catalog tree (database → schema → object type → object), JavaFX-free so the tree can be built and
 * filtered in tests; the view turns it into {@code TreeItem}s. Immutable.
 *
 * @param label    the text shown
 * @param kind     what the node stands for
 * @param payload  the model object ({@link Table}, {@link View}, ...) for object nodes, else {@code null}
 * @param children child nodes
 */
public record CatalogNode(String label, Kind kind, Object payload, List<CatalogNode> children) {

    /** Node kinds; object kinds carry a payload. */
    public enum Kind { DATABASE, SCHEMA, GROUP, TABLE, VIEW, SEQUENCE, ROUTINE, TRIGGER, TYPE }

    public CatalogNode {
        children = List.copyOf(children);
    }

    /** The tree of {@code model}, keeping only objects whose name contains {@code filter} (ignoring case). */
    public static CatalogNode build(DatabaseModel model, String filter) {
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        List<CatalogNode> schemas = new ArrayList<>();
        for (Schema s : model.schemas()) {
            List<CatalogNode> groups = new ArrayList<>();
            group(groups, "Tables", s.tables(), Kind.TABLE, Table::name, t -> t.name() + rows(t.estimatedRows()), f);
            group(groups, "Views", s.views(), Kind.VIEW, View::name, v -> v.name() + (v.materialized() ? "  (materialized)" : ""), f);
            group(groups, "Sequences", s.sequences(), Kind.SEQUENCE, Sequence::name, Sequence::name, f);
            group(groups, "Routines", s.routines(), Kind.ROUTINE, Routine::name,
                    r -> r.name() + "  (" + r.kind().name().toLowerCase(Locale.ROOT) + ")", f);
            group(groups, "Triggers", s.triggers(), Kind.TRIGGER, Trigger::name, t -> t.name() + "  (on " + t.table() + ")", f);
            group(groups, "Types", s.types(), Kind.TYPE, UserType::name,
                    t -> t.name() + "  (" + t.kind().name().toLowerCase(Locale.ROOT) + ")", f);
            if (!groups.isEmpty() || f.isEmpty()) {
                schemas.add(new CatalogNode(s.name(), Kind.SCHEMA, s, groups));
            }
        }
        String db = model.database() == null || model.database().isBlank() ? model.engine().displayName() : model.database();
        String version = model.serverVersion() == null ? "" : model.serverVersion().startsWith(model.engine().displayName())
                ? model.serverVersion() : model.engine().displayName() + " " + model.serverVersion();
        return new CatalogNode(db + (version.isEmpty() ? "" : "  (" + version + ")"),
                Kind.DATABASE, model, schemas);
    }

    private static <T> void group(List<CatalogNode> out, String title, List<T> items, Kind kind, Function<T, String> name,
                                  Function<T, String> label, String filter) {
        List<CatalogNode> nodes = new ArrayList<>();
        for (T item : items) {
            if (filter.isEmpty() || name.apply(item).toLowerCase(Locale.ROOT).contains(filter)) {
                nodes.add(new CatalogNode(label.apply(item), kind, item, List.of()));
            }
        }
        if (!nodes.isEmpty()) {
            out.add(new CatalogNode(title + " (" + nodes.size() + ")", Kind.GROUP, null, nodes));
        }
    }

    private static String rows(long estimate) {
        if (estimate < 0) {
            return "";
        }
        return "  (~" + NumberFormat.getIntegerInstance(Locale.ROOT).format(estimate) + (estimate == 1 ? " row)" : " rows)");
    }

    /** Depth-first search for the first node whose label starts with {@code prefix}. */
    public java.util.Optional<CatalogNode> find(String prefix) {
        if (label.startsWith(prefix)) {
            return java.util.Optional.of(this);
        }
        for (CatalogNode c : children) {
            java.util.Optional<CatalogNode> hit = c.find(prefix);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return java.util.Optional.empty();
    }

    /** How many object (leaf) nodes the tree holds. */
    public int objectCount() {
        if (payload != null && kind != Kind.DATABASE && kind != Kind.SCHEMA) {
            return 1;
        }
        return children.stream().mapToInt(CatalogNode::objectCount).sum();
    }
}
