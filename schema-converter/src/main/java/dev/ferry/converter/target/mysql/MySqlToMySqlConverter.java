package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.mysql.MySqlToMySqlSql;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL / MariaDB → MySQL / MariaDB: a faithful copy into another database. Column types, character sets,
 * collations, defaults, ON UPDATE, generated columns, engines, FULLTEXT/SPATIAL and prefix indexes are kept as the
 * source catalog reports them; views, routines and triggers are copied from their source text through
 * {@link MySqlToMySqlSql}, which drops the source database's qualifiers and DEFINER clauses.
 *
 * <p>Threading: stateless; see {@link AbstractToMySqlConverter}.
 */
public final class MySqlToMySqlConverter extends AbstractToMySqlConverter {

    @Override
    public Engine source() {
        return Engine.MYSQL;
    }

    private static MySqlToMySqlSql sql(Context cx) {
        return new MySqlToMySqlSql(Set.of(cx.source.name()));
    }

    @Override
    protected TypeResult mapType(Context cx, Table table, Column column, boolean keyColumn) {
        return TypeResult.of(column.type().declared());
    }

    @Override
    protected TargetSql expression(Context cx, String mysql, Use use) {
        return sql(cx).expression(mysql);
    }

    @Override
    protected TargetSql query(Context cx, View view) {
        return sql(cx).statement(view.definition());
    }

    @Override
    protected String defaultValue(Context cx, Table table, Column column, TypeResult type, List<ActionItem> items) {
        TargetSql x = expression(cx, column.defaultExpression(), Use.DEFAULT);
        items.addAll(x.items());
        if (!x.translated()) {
            return null;
        }
        // literals stay bare (TEXT/BLOB literal defaults and CURRENT_TIMESTAMP need no parentheses); others are expressions
        return sql(cx).isConstant(column.defaultExpression()) ? x.sql() : "(" + x.sql() + ")";
    }

    @Override
    protected String columnAttributes(Context cx, Table table, Column c) {
        StringBuilder sb = new StringBuilder();
        if (c.charset() != null && c.generated() == null) {
            sb.append("CHARACTER SET ").append(c.charset());
        }
        if (c.collation() != null && c.generated() == null) {
            sb.append(sb.length() > 0 ? " " : "").append("COLLATE ").append(c.collation());
        }
        if (c.onUpdate() != null) {
            sb.append(sb.length() > 0 ? " " : "").append("ON UPDATE ").append(c.onUpdate());
        }
        return sb.toString();
    }

    @Override
    protected String tableOptions(Context cx, Table t) {
        StringBuilder sb = new StringBuilder("ENGINE=").append(t.options().getOrDefault("engine", "InnoDB"));
        if (t.options().containsKey("charset")) {
            sb.append(" DEFAULT CHARSET=").append(t.options().get("charset"));
        }
        if (t.options().containsKey("collation")) {
            sb.append(" COLLATE=").append(t.options().get("collation"));
        }
        return sb.toString();
    }

    @Override
    protected String databaseOptions(Context cx) {
        Table first = cx.source.tables().isEmpty() ? null : cx.source.tables().get(0);
        if (first != null && first.options().containsKey("charset")) {
            return "CHARACTER SET " + first.options().get("charset")
                    + (first.options().containsKey("collation") ? " COLLATE " + first.options().get("collation") : "");
        }
        return "CHARACTER SET utf8mb4";
    }

    /** RANGE/LIST [COLUMNS], [LINEAR] HASH/KEY partitioning with the source's partition bounds; not subpartitioning. */
    @Override
    protected String partitionClause(Context cx, Table t, List<ActionItem> items) {
        dev.ferry.model.schema.Partitioning p = t.partitioning();
        String method = p.method() == null ? "" : p.method().toLowerCase(Locale.ROOT);
        if (t.options().containsKey("subpartition_by")
                || !List.of("range", "range columns", "list", "list columns", "hash", "linear hash", "key", "linear key").contains(method)) {
            return null;
        }
        String keys;
        if (method.endsWith("columns") || method.endsWith("key")) {
            keys = String.join(", ", p.keys().stream().map(AbstractToMySqlConverter::q).toList());
        } else {
            TargetSql k = expression(cx, p.keys().get(0), Use.GENERATED);
            if (!k.translated()) {
                items.addAll(k.items());
                return null;
            }
            keys = k.sql();
        }
        StringBuilder sb = new StringBuilder("PARTITION BY ").append(method.toUpperCase(Locale.ROOT)).append(" (").append(keys).append(')');
        if (p.partitions().stream().allMatch(x -> x.bound() == null) && (method.endsWith("hash") || method.endsWith("key"))) {
            boolean generatedNames = true;
            for (int i = 0; i < p.partitions().size(); i++) {
                generatedNames &= p.partitions().get(i).name().equalsIgnoreCase("p" + i);
            }
            if (generatedNames) {
                return sb.append(" PARTITIONS ").append(p.partitions().size()).toString();
            }
        }
        sb.append(" (\n");
        for (int i = 0; i < p.partitions().size(); i++) {
            var part = p.partitions().get(i);
            sb.append("    PARTITION ").append(q(part.name())).append(part.bound() == null ? "" : " " + part.bound())
                    .append(i + 1 < p.partitions().size() ? ",\n" : "\n");
        }
        return sb.append(')').toString();
    }

    @Override
    protected List<ActionItem> databaseItems(Context cx) {
        return List.of();
    }

    @Override
    protected ConvertedObject routine(Context cx, Routine r) {
        String name = cx.names.claim("routines", r.name(), m -> { });
        if (r.source() == null || !r.source().trim().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
            return super.routine(cx, r);
        }
        TargetSql x = sql(cx).statement(r.source());
        List<ActionItem> items = new ArrayList<>(x.items());
        items.add(ActionItem.of(ActionCode.TO_MY_ROUTINE_COPIED, r.kind().name().toLowerCase(Locale.ROOT) + " " + r.name()
                + " copied from its CREATE text"));
        return cx.object(name, "ROUTINE", sourceOf(cx, "ROUTINE", r.name()), r.source(), x.translated() ? x.sql() : null,
                DeployPhase.POST_LOAD, deps(cx, x, null), items);
    }

    @Override
    protected ConvertedObject trigger(Context cx, Trigger t) {
        String name = cx.names.claim("triggers", t.name(), m -> { });
        if (t.source() == null || !t.source().trim().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
            return super.trigger(cx, t);
        }
        TargetSql x = sql(cx).statement(t.source());
        List<ActionItem> items = new ArrayList<>(x.items());
        items.add(ActionItem.of(ActionCode.TO_MY_ROUTINE_COPIED, "trigger " + t.name() + " copied from its CREATE text"));
        return cx.object(name, "TRIGGER", sourceOf(cx, "TRIGGER", t.name()), t.source(), x.translated() ? x.sql() : null,
                DeployPhase.POST_LOAD, deps(cx, x, t.table()), items);
    }

    private static List<String> deps(Context cx, TargetSql x, String table) {
        List<String> deps = new ArrayList<>(List.of(cx.schemaKey));
        if (table != null && cx.tableName(table) != null) {
            deps.add(ConvertedObject.key("TABLE", cx.database, cx.tableName(table)));
        }
        for (String t : x.tables()) {
            String n = cx.tableName(t);
            if (n != null) {
                deps.add(ConvertedObject.key(cx.views.contains(n) ? "VIEW" : "TABLE", cx.database, n));
            }
        }
        return deps;
    }
}
