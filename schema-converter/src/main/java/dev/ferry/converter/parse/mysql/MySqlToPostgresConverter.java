package dev.ferry.converter.parse.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployOrder;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.types.MySqlToPostgresTypes;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts a parsed MySQL / MariaDB DDL script to PostgreSQL: {@link MySqlScriptSchemaBuilder} builds the neutral
 * model, which is rendered here as one {@link ConvertedObject} per deployable object (schema, enum types, tables,
 * comments and ON UPDATE trigger functions; unique keys, checks, foreign keys, indexes and views after the load).
 * Column types go through {@link MySqlToPostgresTypes}, expressions (defaults, checks, generated columns, view queries)
 * through {@link MySqlToPostgresSql}. MySQL names are lower-cased (MySQL column names are case-insensitive) and
 * quoted only when needed; index names, which MySQL scopes per table but PostgreSQL per schema, get the table name as
 * a prefix when they would collide.
 *
 * <p>Objects come back unverified ({@link ObjectStatus#MANUAL}); {@code ScratchDeployVerifier} decides the final
 * status. Routines and triggers (other than ON UPDATE CURRENT_TIMESTAMP) are listed as MANUAL with their source.
 *
 * <p>Threading: not thread-safe; use one instance per conversion.
 */
public final class MySqlToPostgresConverter {

    private final MySqlToPostgresTypes types;
    private final MySqlParserFacade facade = new MySqlParserFacade();
    private final PostgresIdentifiers names = new PostgresIdentifiers();
    private MySqlToPostgresSql sql;
    private Map<String, MySqlParsedStatement> sources = new HashMap<>();
    private String fileName;
    private final Map<String, Map<String, String>> columnTypes = new LinkedHashMap<>();
    private final Set<String> usedRelations = new HashSet<>();

    /**
     * The PostgreSQL column types of the tables converted so far (lower-case table and column names), for loading
     * the source's INSERTs with {@link MySqlToPostgresSql#insert}.
     */
    public MySqlToPostgresSql.ColumnTypes columnTypes() {
        return (table, column, position) -> {
            Map<String, String> cols = columnTypes.get(table);
            if (cols == null) {
                return null;
            }
            if (column != null) {
                return cols.get(column);
            }
            return position <= cols.size() ? new ArrayList<>(cols.values()).get(position - 1) : null;
        };
    }

    public MySqlToPostgresConverter(List<TypeMappingRule> rules) {
        this.types = new MySqlToPostgresTypes(rules);
    }

    public MySqlToPostgresConverter() {
        this(List.of());
    }

    /** Lower-cased PostgreSQL spelling of a MySQL name (unquoted form), truncated to 63 bytes when needed. */
    public static String pgName(String mysqlName) {
        return PostgresIdentifiers.fold(mysqlName.toLowerCase(Locale.ROOT));
    }

    private static String q(String mysqlName) {
        return PostgresIdentifiers.quote(pgName(mysqlName));
    }

    /**
     * Converts the objects the script creates into the PostgreSQL schema {@code targetSchema}.
     *
     * @param targetSchema     the PostgreSQL schema (e.g. {@code sakila})
     * @param sourceDatabases  MySQL database names whose qualifier is stripped in queries (e.g. {@code sakila})
     */
    public ConversionResult convert(String targetSchema, Set<String> sourceDatabases, MySqlParseResult script) {
        fileName = script.fileName();
        Set<String> dbs = new HashSet<>();
        sourceDatabases.forEach(d -> dbs.add(d.toLowerCase(Locale.ROOT)));
        for (MySqlParsedStatement st : script.statements()) {
            if (st.kind() == MySqlStatementKind.USE && st.objectName() != null) {
                dbs.add(MySqlNames.unquote(st.objectName()).toLowerCase(Locale.ROOT));
            }
            if (st.objectName() != null && st.isParsed()) {
                String k = st.kind() + ":" + st.simpleName().toLowerCase(Locale.ROOT);
                if (st.kind() == MySqlStatementKind.CREATE_VIEW || st.kind() == MySqlStatementKind.CREATE_TABLE) {
                    sources.put(k, st);
                } else {
                    sources.putIfAbsent(k, st);
                }
            }
        }
        return convert(targetSchema, dbs, new MySqlScriptSchemaBuilder().build(targetSchema, script), script);
    }

    /**
     * Converts a MySQL schema of the neutral model read from a live catalog (no script: routines and triggers, whose
     * bodies the catalog does not give as full statements, are listed as MANUAL).
     *
     * @param targetSchema    the PostgreSQL schema
     * @param sourceDatabases MySQL database names whose qualifier is stripped in view queries (the schema's own name is added)
     */
    public ConversionResult convert(String targetSchema, Set<String> sourceDatabases, Schema schema) {
        Set<String> dbs = new HashSet<>();
        sourceDatabases.forEach(d -> dbs.add(d.toLowerCase(Locale.ROOT)));
        dbs.add(schema.name().toLowerCase(Locale.ROOT));
        // the catalog gives routines and triggers as SHOW CREATE text: parse it so they translate as in the script path
        List<String> texts = new ArrayList<>();
        schema.routines().forEach(r -> texts.add(r.source()));
        schema.triggers().forEach(t -> texts.add(t.source()));
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            MySqlParsedStatement st = facade.parseStatement(schema.name(), text);
            if (st.isParsed() && st.objectName() != null) {
                sources.putIfAbsent(st.kind() + ":" + st.simpleName().toLowerCase(Locale.ROOT), st);
            }
        }
        return convert(targetSchema, dbs, schema, null);
    }

    private ConversionResult convert(String targetSchema, Set<String> dbs, Schema schema, MySqlParseResult script) {
        String s = pgName(targetSchema);
        sql = new MySqlToPostgresSql(dbs, s);
        List<ConvertedObject> out = new ArrayList<>();
        String schemaKey = ConvertedObject.key("SCHEMA", null, s);
        out.add(new ConvertedObject(null, s, "SCHEMA", ObjectStatus.MANUAL, false, null, 0, null,
                "CREATE SCHEMA " + PostgresIdentifiers.quote(s), DeployPhase.PRE_LOAD, List.of(), List.of()));
        for (Table t : schema.tables()) {
            table(schema, s, schemaKey, t, out);
        }
        Set<String> viewNames = schema.views().stream().map(v -> pgName(v.name())).collect(Collectors.toSet());
        Set<String> tableNames = schema.tables().stream().map(t -> pgName(t.name())).collect(Collectors.toSet());
        for (View v : schema.views()) {
            out.add(view(s, schemaKey, v, viewNames, tableNames));
        }
        MySqlRoutineTranslator routines = new MySqlRoutineTranslator(sql, s);
        for (Routine r : schema.routines()) {
            MySqlParsedStatement st = sources.get((r.kind() == Routine.Kind.FUNCTION ? "CREATE_FUNCTION:" : "CREATE_PROCEDURE:")
                    + r.name().toLowerCase(Locale.ROOT));
            if (r.kind() == Routine.Kind.FUNCTION && st != null
                    && st.handle().tree().getChild(0) instanceof dev.ferry.grammar.mysql.MySqlParser.CreateFunctionContext cf) {
                MySqlRoutineTranslator.Result x = routines.function(cf);
                out.add(routineObject(s, pgName(r.name()), "ROUTINE", st, x, List.of(schemaKey), tableNames(s, x.tables(), schema)));
                continue;
            }
            out.add(new ConvertedObject(s, pgName(r.name()), "ROUTINE", ObjectStatus.MANUAL, false, fileName, line(st),
                    r.source(), null, DeployPhase.POST_LOAD, List.of(schemaKey), List.of(ActionItem.of(
                    ActionCode.MY_ROUTINE_NOT_CONVERTED, r.kind().name().toLowerCase(Locale.ROOT) + " " + r.name()
                            + " is not converted", line(st), col(st)))));
        }
        for (Trigger tr : schema.triggers()) {
            MySqlParsedStatement st = sources.get("CREATE_TRIGGER:" + tr.name().toLowerCase(Locale.ROOT));
            if (st != null && st.handle().tree().getChild(0) instanceof dev.ferry.grammar.mysql.MySqlParser.CreateTriggerContext ct) {
                MySqlRoutineTranslator.Result x = routines.trigger(ct);
                out.add(routineObject(s, pgName(tr.name()), "TRIGGER", st, x,
                        List.of(ConvertedObject.key("TABLE", s, pgName(tr.table()))), tableNames(s, x.tables(), schema)));
                continue;
            }
            out.add(new ConvertedObject(s, pgName(tr.name()), "TRIGGER", ObjectStatus.MANUAL, false, fileName, line(st),
                    tr.source(), null, DeployPhase.POST_LOAD, List.of(ConvertedObject.key("TABLE", s, pgName(tr.table()))),
                    List.of(ActionItem.of(ActionCode.MY_TRIGGER_NOT_CONVERTED, "trigger " + tr.name() + " ("
                            + tr.timing() + " " + String.join("/", tr.events()) + " on " + tr.table() + ") is not converted",
                            line(st), col(st)))));
        }
        for (MySqlParsedStatement st : script == null ? List.<MySqlParsedStatement>of() : script.statements()) {
            boolean derivedTable = st.isParsed() && st.handle() != null
                    && st.handle().tree().getChild(0) instanceof dev.ferry.grammar.mysql.MySqlParser.CreateTableContext ct
                    && !(ct.createTableBody() instanceof dev.ferry.grammar.mysql.MySqlParser.CreateTableColumnsContext);
            if (st.kind() == MySqlStatementKind.CREATE_EVENT || derivedTable || !st.isParsed() && isDdl(st.kind())) {
                out.add(new ConvertedObject(s, "line_" + st.span().startLine(), "OTHER", ObjectStatus.MANUAL, false, fileName,
                        line(st), st.text(), null, DeployPhase.POST_LOAD, List.of(), List.of(ActionItem.of(ActionCode.MY_NOT_CONVERTED,
                        (st.isParsed() ? (derivedTable ? "CREATE TABLE ... LIKE / AS SELECT" : st.kind().name())
                                : "unparsed statement: " + st.error().getMessage()), line(st), col(st)))));
            }
        }
        DeployOrder.Result order = DeployOrder.sort(out);
        if (!order.cycles().isEmpty()) {
            List<ConvertedObject> fixed = new ArrayList<>();
            for (ConvertedObject o : out) {
                fixed.add(order.cycles().contains(o.key())
                        ? o.withItems(List.of(ActionItem.of(ActionCode.DEPENDENCY_CYCLE, o.type() + " " + o.name()
                        + " is part of or waits on a dependency cycle", o.sourceLine(), 0)))
                        : o);
            }
            out = fixed;
        }
        return new ConversionResult(Engine.MYSQL, Engine.POSTGRESQL, out, order.order());
    }

    private ConvertedObject routineObject(String s, String name, String type, MySqlParsedStatement st,
                                          MySqlRoutineTranslator.Result x, List<String> deps, List<String> tableDeps) {
        List<ActionItem> items = new ArrayList<>(x.items());
        if (x.translated()) {
            items.add(0, ActionItem.of(ActionCode.MY_ROUTINE_CONVERTED, type.toLowerCase(Locale.ROOT) + " " + name
                    + " translated to PL/pgSQL", line(st), col(st)));
        } else {
            items.add(0, ActionItem.of(type.equals("TRIGGER") ? ActionCode.MY_TRIGGER_NOT_CONVERTED : ActionCode.MY_ROUTINE_NOT_CONVERTED,
                    type.toLowerCase(Locale.ROOT) + " " + name + " is not converted", line(st), col(st)));
        }
        List<String> all = new ArrayList<>(deps);
        all.addAll(tableDeps);
        return new ConvertedObject(s, name, type, ObjectStatus.MANUAL, false, fileName, line(st), st.text(), x.sql(),
                DeployPhase.POST_LOAD, all, items);
    }

    private static List<String> tableNames(String s, Set<String> tables, Schema schema) {
        List<String> out = new ArrayList<>();
        for (String t : tables) {
            if (schema.table(t).isPresent()) {
                out.add(ConvertedObject.key("TABLE", s, t));
            } else if (schema.view(t).isPresent()) {
                out.add(ConvertedObject.key("VIEW", s, t));
            }
        }
        return out;
    }

    private static boolean isDdl(MySqlStatementKind k) {
        return k.name().startsWith("CREATE_") || k == MySqlStatementKind.ALTER_TABLE;
    }

    private static int line(MySqlParsedStatement st) {
        return st == null ? 0 : st.span().startLine();
    }

    private static int col(MySqlParsedStatement st) {
        return st == null ? 0 : st.span().startColumn();
    }

    private ConvertedObject obj(String schema, String name, String type, MySqlParsedStatement src, String ddl,
                                DeployPhase phase, List<String> deps, List<ActionItem> items) {
        return new ConvertedObject(schema, name, type, ObjectStatus.MANUAL, false, src == null ? null : fileName,
                line(src), src == null ? null : src.text(), ddl, phase, deps, items);
    }

    // ================================================================================================ expressions

    /** Translates a MySQL expression kept as text; positions are relative to {@code src}'s start. */
    private MySqlToPostgresSql.Translation expression(String mysqlExpr, MySqlParsedStatement src) {
        MySqlParsedStatement parsed = facade.parseStatement(fileName, "SELECT " + mysqlExpr);
        if (!parsed.isParsed()) {
            return new MySqlToPostgresSql.Translation(mysqlExpr, List.of(ActionItem.of(ActionCode.MY_EXPRESSION_NOT_TRANSLATED,
                    "Expression " + mysqlExpr + " does not parse: " + parsed.error().getMessage(), line(src), col(src))),
                    Set.of(), false);
        }
        var sel = (dev.ferry.grammar.mysql.MySqlParser.SelectStatementContext) parsed.handle().tree().getChild(0);
        var spec = sel.queryExpression().queryBody().queryTerm(0).querySpecification();
        var item = (dev.ferry.grammar.mysql.MySqlParser.ExpressionItemContext) spec.selectList().selectItem(0);
        MySqlToPostgresSql.Translation t = sql.run(item.expression());
        return new MySqlToPostgresSql.Translation(t.sql(), t.items().stream().map(i -> i.at(line(src), col(src))).toList(),
                t.tables(), t.translated());
    }

    private static boolean isZeroDate(String expr) {
        return expr.replaceAll("['\"]", "").trim().matches("0000-00-00( 00:00:00(\\.0+)?)?");
    }

    // ================================================================================================ tables

    private void table(Schema schema, String s, String schemaKey, Table t, List<ConvertedObject> out) {
        MySqlParsedStatement src = sources.get("CREATE_TABLE:" + t.name().toLowerCase(Locale.ROOT));
        List<ActionItem> items = new ArrayList<>();
        String tn = names.claim("relations:" + s, t.name().toLowerCase(Locale.ROOT), items::add);
        usedRelations.add(s + "." + tn);
        String qt = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(tn);
        String tableKey = ConvertedObject.key("TABLE", s, tn);
        List<String> tableDeps = new ArrayList<>(List.of(schemaKey));
        boolean converted = true;
        List<String> defs = new ArrayList<>();
        Map<String, String> onUpdate = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            String cn = pgName(c.name());
            MySqlToPostgresTypes.Mapping m = types.map(schema.name(), t.name(), c.name(), c.type());
            items.addAll(m.actionItems().stream().map(i -> i.at(line(src), col(src))).toList());
            String type = m.sqlType();
            if (m.enumType()) {
                String typeName = names.claim("types:" + s, tn + "_" + cn, items::add);
                type = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(typeName);
                String ddl = "CREATE TYPE " + type + " AS ENUM (" + c.type().values().stream()
                        .map(MySqlToPostgresTypes::literal).collect(Collectors.joining(", ")) + ")";
                out.add(obj(s, typeName, "TYPE", src, ddl, DeployPhase.PRE_LOAD, List.of(schemaKey), List.of()));
                tableDeps.add(ConvertedObject.key("TYPE", s, typeName));
            }
            converted &= m.mapped();
            columnTypes.computeIfAbsent(tn, k -> new LinkedHashMap<>()).put(cn, m.enumType() ? "enum" : type);
            StringBuilder d = new StringBuilder(PostgresIdentifiers.quote(cn)).append(' ').append(type);
            if (c.charset() != null && !c.charset().startsWith("utf8") && !c.charset().equals("ascii") && !c.charset().equals("binary")) {
                items.add(ActionItem.of(ActionCode.MY_CHARSET_NOT_UTF8, "Column " + c.name() + " uses character set "
                        + c.charset(), line(src), col(src)));
            }
            if (c.collation() != null && !c.collation().endsWith("_bin") && !c.collation().equals("binary")) {
                items.add(ActionItem.of(ActionCode.MY_COLLATION_IGNORED, "Column " + c.name() + ": collation "
                        + c.collation() + " dropped", line(src), col(src)));
            }
            if (c.identity() != null) {
                if (type.matches("smallint|integer|bigint")) {
                    d.append(" GENERATED BY DEFAULT AS IDENTITY");
                    if (c.identity().start() != null && c.identity().start() > 1) {
                        d.append(" (START WITH ").append(c.identity().start()).append(')');
                    }
                } else {
                    // numeric(20) (bigint unsigned) cannot be an identity: a sequence default instead
                    d.append(" DEFAULT nextval(").append(MySqlToPostgresTypes.literal(PostgresIdentifiers.quote(s) + "."
                            + PostgresIdentifiers.quote(tn + "_" + cn + "_seq"))).append(')');
                    String seq = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(tn + "_" + cn + "_seq");
                    out.add(obj(s, tn + "_" + cn + "_seq", "SEQUENCE", src, "CREATE SEQUENCE " + seq
                            + (c.identity().start() != null ? " START WITH " + c.identity().start() : ""),
                            DeployPhase.PRE_LOAD, List.of(schemaKey), List.of()));
                    tableDeps.add(ConvertedObject.key("SEQUENCE", s, tn + "_" + cn + "_seq"));
                }
            }
            if (c.generated() != null) {
                MySqlToPostgresSql.Translation g = expression(c.generated(), src);
                items.addAll(g.items());
                converted &= g.translated();
                d.append(" GENERATED ALWAYS AS (").append(g.sql()).append(") STORED");
                if (!c.generatedStored()) {
                    items.add(ActionItem.of(ActionCode.MY_VIRTUAL_COLUMN_STORED, "Virtual column " + c.name()
                            + " became STORED", line(src), col(src)));
                }
            } else if (c.defaultExpression() != null && c.identity() == null) {
                String def = defaultValue(c, type, src, items);
                if (def != null) {
                    d.append(" DEFAULT ").append(def);
                }
            }
            if (!c.nullable()) {
                d.append(" NOT NULL");
            }
            for (String check : m.checks()) {
                d.append(" CHECK (").append(check).append(')');
            }
            defs.add(d.toString());
            if (c.onUpdate() != null) {
                onUpdate.put(cn, type.startsWith("timestamptz") ? "CURRENT_TIMESTAMP" : type.startsWith("date") ? "CURRENT_DATE" : "LOCALTIMESTAMP");
            }
        }
        if (t.primaryKey() != null) {
            KeyConstraint pk = t.primaryKey();
            String prefix = "";
            usedRelations.add(s + "." + tn + "_pkey");
            if (pk.name() != null && !pk.name().equalsIgnoreCase("primary")) {
                prefix = "CONSTRAINT " + PostgresIdentifiers.quote(uniqueName(s, tn, pk.name().toLowerCase(Locale.ROOT), items)) + " ";
            }
            defs.add(prefix + "PRIMARY KEY (" + columnList(pk.columns()) + ")");
        }
        StringBuilder ddl = new StringBuilder("CREATE ").append(t.kind() == Table.Kind.TEMPORARY ? "UNLOGGED " : "")
                .append("TABLE ").append(qt).append(" (\n    ").append(String.join(",\n    ", defs)).append("\n)");
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, String> o : t.options().entrySet()) {
            if (!o.getKey().equals("auto_increment") && !o.getKey().equals("subpartition_by")) {
                ignored.add(o.getKey() + "=" + o.getValue());
            }
            if (o.getKey().equals("charset") && !o.getValue().startsWith("utf8") && !o.getValue().equals("ascii")) {
                items.add(ActionItem.of(ActionCode.MY_CHARSET_NOT_UTF8, "Table " + t.name() + " uses character set "
                        + o.getValue(), line(src), col(src)));
            }
            if (o.getKey().equals("collate") && !o.getValue().endsWith("_bin")) {
                items.add(ActionItem.of(ActionCode.MY_COLLATION_IGNORED, "Table " + t.name() + ": collation "
                        + o.getValue() + " dropped", line(src), col(src)));
            }
        }
        if (!ignored.isEmpty()) {
            items.add(ActionItem.of(ActionCode.MY_TABLE_OPTION_IGNORED, "Table options of " + t.name() + " dropped: "
                    + String.join(", ", ignored), line(src), col(src)));
        }
        List<String> partitionDdl = new ArrayList<>();
        if (t.partitioning() != null) {
            String by = t.options().containsKey("subpartition_by") ? null : partitioning(s, tn, t, src, items, partitionDdl);
            if (by == null) {
                items.add(ActionItem.of(ActionCode.MY_PARTITIONING_NOT_CONVERTED, t.partitioning().method() + " partitioning of "
                        + t.name() + " (" + t.partitioning().partitions().size() + " partitions"
                        + (t.options().containsKey("subpartition_by") ? ", subpartitioned" : "") + ")", line(src), col(src)));
            } else {
                ddl.append(' ').append(by);
                for (String p : partitionDdl) {
                    ddl.append(";\n").append(p);
                }
            }
        }
        out.add(obj(s, tn, "TABLE", src, converted ? ddl.toString() : null, DeployPhase.PRE_LOAD, tableDeps, items));

        // identities continue after the loaded keys (MySQL's AUTO_INCREMENT counter follows the data)
        for (Column c : t.columns()) {
            if (c.identity() != null && converted) {
                String cn = PostgresIdentifiers.quote(pgName(c.name()));
                boolean identity = columnTypes.get(tn).get(pgName(c.name())).matches("smallint|integer|bigint");
                String seq = identity
                        ? "pg_get_serial_sequence(" + MySqlToPostgresTypes.literal(qt) + ", " + MySqlToPostgresTypes.literal(pgName(c.name())) + ")"
                        : MySqlToPostgresTypes.literal(PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(tn + "_" + pgName(c.name()) + "_seq"));
                String reset = "SELECT setval(" + seq + ", GREATEST(COALESCE(max(" + cn + "), 0) + 1, "
                        + (c.identity().start() == null ? 1 : c.identity().start()) + ")::bigint, false) FROM " + qt;
                out.add(obj(s, tn + "_" + pgName(c.name()) + "_restart", "IDENTITY_RESTART", src, reset,
                        DeployPhase.POST_LOAD, List.of(tableKey), List.of()));
            }
        }
        // comments
        List<String> comments = new ArrayList<>();
        if (t.comment() != null && !t.comment().isEmpty()) {
            comments.add("COMMENT ON TABLE " + qt + " IS " + MySqlToPostgresTypes.literal(t.comment()));
        }
        for (Column c : t.columns()) {
            if (c.comment() != null && !c.comment().isEmpty()) {
                comments.add("COMMENT ON COLUMN " + qt + "." + q(c.name()) + " IS " + MySqlToPostgresTypes.literal(c.comment()));
            }
        }
        if (!comments.isEmpty()) {
            out.add(obj(s, tn, "COMMENT", src, String.join(";\n", comments), DeployPhase.PRE_LOAD, List.of(tableKey), List.of()));
        }
        // ON UPDATE CURRENT_TIMESTAMP: one trigger function per table
        if (!onUpdate.isEmpty()) {
            String fn = names.claim("functions:" + s, tn + "_on_update", x -> { });
            String qf = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(fn);
            StringBuilder body = new StringBuilder();
            onUpdate.forEach((cn, value) -> body.append("    IF NEW.").append(PostgresIdentifiers.quote(cn))
                    .append(" IS NOT DISTINCT FROM OLD.").append(PostgresIdentifiers.quote(cn)).append(" THEN\n        NEW.")
                    .append(PostgresIdentifiers.quote(cn)).append(" := ").append(value).append(";\n    END IF;\n"));
            String trig = "CREATE FUNCTION " + qf + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                    + "    IF ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN\n" + body.toString().replace("\n    ", "\n        ").replaceFirst("^    ", "        ")
                    + "    END IF;\n    RETURN NEW;\nEND\n$$;\n"
                    + "CREATE TRIGGER " + PostgresIdentifiers.quote(fn) + " BEFORE UPDATE ON " + qt
                    + " FOR EACH ROW EXECUTE FUNCTION " + qf + "()";
            out.add(obj(s, fn, "TRIGGER", src, trig, DeployPhase.POST_LOAD, List.of(tableKey), List.of(ActionItem.of(
                    ActionCode.MY_ON_UPDATE_TRIGGER, "ON UPDATE of " + t.name() + "." + String.join(", ", onUpdate.keySet())
                            + " became trigger " + fn, line(src), col(src)))));
        }
        // unique keys
        for (KeyConstraint u : t.uniqueKeys()) {
            List<ActionItem> ci = new ArrayList<>();
            String base = u.name() == null ? tn + "_" + u.columns().stream().map(MySqlToPostgresConverter::pgName)
                    .collect(Collectors.joining("_")) + "_key" : u.name().toLowerCase(Locale.ROOT);
            String cname = uniqueName(s, tn, base, ci);
            String ddlU = "ALTER TABLE " + qt + " ADD CONSTRAINT " + PostgresIdentifiers.quote(cname) + " UNIQUE ("
                    + columnList(u.columns()) + ")";
            out.add(obj(s, cname, "CONSTRAINT", src, ddlU, DeployPhase.POST_LOAD, List.of(tableKey), ci));
        }
        int checkNo = 0;
        for (CheckConstraint c : t.checks()) {
            checkNo++;
            List<ActionItem> ci = new ArrayList<>();
            String cname = c.name() == null ? tn + "_check" + checkNo : pgName(c.name());
            MySqlToPostgresSql.Translation x = expression(c.expression(), src);
            ci.addAll(x.items());
            String ddlC = "ALTER TABLE " + qt + " ADD CONSTRAINT " + PostgresIdentifiers.quote(cname) + " CHECK (" + x.sql() + ")"
                    + (c.enforced() ? "" : " NOT VALID");
            out.add(obj(s, cname, "CONSTRAINT", src, x.translated() ? ddlC : null, DeployPhase.POST_LOAD, List.of(tableKey), ci));
        }
        for (ForeignKey fk : t.foreignKeys()) {
            List<ActionItem> ci = new ArrayList<>();
            String cname = fk.name() == null ? tn + "_" + fk.columns().stream().map(MySqlToPostgresConverter::pgName)
                    .collect(Collectors.joining("_")) + "_fkey" : pgName(fk.name());
            String refTable = pgName(fk.referencedTable());
            List<String> refCols = fk.referencedColumns().isEmpty()
                    ? schema.table(fk.referencedTable()).map(Table::primaryKey).map(KeyConstraint::columns).orElse(List.of())
                    : fk.referencedColumns();
            StringBuilder f = new StringBuilder("ALTER TABLE ").append(qt).append(" ADD CONSTRAINT ")
                    .append(PostgresIdentifiers.quote(cname)).append(" FOREIGN KEY (").append(columnList(fk.columns()))
                    .append(") REFERENCES ").append(PostgresIdentifiers.quote(s)).append('.').append(PostgresIdentifiers.quote(refTable));
            if (!refCols.isEmpty()) {
                f.append(" (").append(columnList(refCols)).append(')');
            }
            f.append(action(" ON DELETE ", fk.onDelete())).append(action(" ON UPDATE ", fk.onUpdate()));
            List<String> deps = new ArrayList<>(List.of(tableKey, ConvertedObject.key("TABLE", s, refTable)));
            Table target = schema.table(fk.referencedTable()).orElse(null);
            if (target != null) {
                for (KeyConstraint u : target.uniqueKeys()) {
                    if (u.columns().equals(refCols)) {
                        String base = u.name() == null ? refTable + "_" + u.columns().stream().map(MySqlToPostgresConverter::pgName)
                                .collect(Collectors.joining("_")) + "_key" : u.name().toLowerCase(Locale.ROOT);
                        deps.add(ConvertedObject.key("CONSTRAINT", s, base));
                    }
                }
            }
            out.add(obj(s, cname, "FOREIGN_KEY", src, f.toString(), DeployPhase.POST_LOAD, deps, ci));
        }
        // indexes
        int ixNo = 0;
        for (Index ix : t.indexes()) {
            ixNo++;
            List<ActionItem> ii = new ArrayList<>();
            String base = ix.name() == null ? tn + "_idx" + ixNo : ix.name().toLowerCase(Locale.ROOT);
            String in = uniqueName(s, tn, base, ii);
            if ("spatial".equals(ix.method())) {
                ii.add(ActionItem.of(ActionCode.MY_SPATIAL_INDEX, "SPATIAL index " + ix.name() + " on " + t.name()
                        + " needs PostGIS", line(src), col(src)));
                out.add(obj(s, in, "INDEX", src, null, DeployPhase.POST_LOAD, List.of(tableKey), ii));
                continue;
            }
            boolean ok = true;
            List<String> elems = new ArrayList<>();
            for (Index.Element e : ix.elements()) {
                String el;
                if (e.isExpression()) {
                    MySqlToPostgresSql.Translation x = expression(e.expression(), src);
                    ii.addAll(x.items());
                    ok &= x.translated();
                    el = "(" + x.sql() + ")";
                } else if (e.prefixLength() != null && !ix.unique() && !"fulltext".equals(ix.method())) {
                    el = "substr(" + q(e.column()) + ", 1, " + e.prefixLength() + ")";
                    el = "(" + el + ")";
                    ii.add(ActionItem.of(ActionCode.MY_PREFIX_INDEX, "Prefix index " + ix.name() + ": " + e.column() + "("
                            + e.prefixLength() + ") → " + el, line(src), col(src)));
                } else {
                    el = q(e.column());
                    if (e.prefixLength() != null) {
                        ii.add(ActionItem.of(ActionCode.MY_PREFIX_INDEX, "Prefix index " + ix.name() + ": " + e.column()
                                + "(" + e.prefixLength() + ") indexed in full", line(src), col(src)));
                    }
                }
                elems.add(el + (e.descending() ? " DESC" : ""));
            }
            String ddlI;
            if ("fulltext".equals(ix.method())) {
                String doc = ix.elements().stream().map(e -> "coalesce(" + q(e.column()) + ", '')")
                        .collect(Collectors.joining(" || ' ' || "));
                ddlI = "CREATE INDEX " + PostgresIdentifiers.quote(in) + " ON " + qt + " USING gin (to_tsvector('simple', " + doc + "))";
                ii.add(ActionItem.of(ActionCode.MY_FULLTEXT_INDEX, "FULLTEXT index " + ix.name() + " became a GIN index",
                        line(src), col(src)));
            } else {
                ddlI = "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + PostgresIdentifiers.quote(in) + " ON " + qt
                        + " (" + String.join(", ", elems) + ")";
            }
            out.add(obj(s, in, "INDEX", src, ok ? ddlI : null, DeployPhase.POST_LOAD, List.of(tableKey), ii));
        }
    }

    /**
     * {@code PARTITION BY ...} for RANGE [COLUMNS], LIST [COLUMNS], HASH and KEY partitioning, with one
     * {@code CREATE TABLE ... PARTITION OF} per partition added to {@code partitionDdl}; null when not convertible.
     */
    private String partitioning(String s, String tn, Table t, MySqlParsedStatement src, List<ActionItem> items,
                                List<String> partitionDdl) {
        dev.ferry.model.schema.Partitioning p = t.partitioning();
        String method = p.method();
        String pgMethod = method.startsWith("range") ? "RANGE" : method.startsWith("list") ? "LIST"
                : method.equals("hash") || method.equals("key") ? "HASH" : null;
        if (pgMethod == null || p.partitions().isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        if (method.equals("key") && p.keys().isEmpty()) {
            if (t.primaryKey() == null) {
                return null;
            }
            t.primaryKey().columns().forEach(c -> keys.add(q(c)));
        } else if (method.endsWith("columns") || method.equals("key")) {
            p.keys().forEach(c -> keys.add(q(c)));
        } else {
            if (!p.keys().get(0).trim().matches("`?[A-Za-z_][A-Za-z0-9_$]*`?")
                    && (t.primaryKey() != null || !t.uniqueKeys().isEmpty())) {
                items.add(ActionItem.of(ActionCode.MY_PARTITIONING_NOT_CONVERTED, "PostgreSQL allows no primary or "
                        + "unique key on a table partitioned by an expression (" + p.keys().get(0) + ")", line(src), col(src)));
                return null;
            }
            MySqlToPostgresSql.Translation k = expression(p.keys().get(0), src);
            items.addAll(k.items());
            if (!k.translated()) {
                return null;
            }
            keys.add(k.sql().matches("[a-z_][a-z0-9_]*|\"[^\"]+\"") ? k.sql() : "(" + k.sql() + ")");
        }
        String qt = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(tn);
        String previous = null;
        int i = 0;
        for (dev.ferry.model.schema.Partitioning.Partition part : p.partitions()) {
            String name = uniqueName(s, tn, tn + "_" + part.name().toLowerCase(Locale.ROOT), items);
            String head = "CREATE TABLE " + PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(name) + " PARTITION OF " + qt;
            String bound = part.bound() == null ? "" : part.bound().replaceAll("\\s+", " ").trim();
            String upper = bound.toUpperCase(Locale.ROOT);
            if (pgMethod.equals("HASH")) {
                partitionDdl.add(head + " FOR VALUES WITH (MODULUS " + p.partitions().size() + ", REMAINDER " + i + ")");
            } else if (pgMethod.equals("RANGE") && upper.startsWith("VALUES LESS THAN")) {
                String rest = bound.substring("VALUES LESS THAN".length()).trim();
                List<String> to = boundValues(rest, keys.size(), src, items);
                if (to == null) {
                    return null;
                }
                String toList = String.join(", ", to);
                partitionDdl.add(head + " FOR VALUES FROM (" + (previous == null
                        ? String.join(", ", java.util.Collections.nCopies(keys.size(), "MINVALUE")) : previous) + ") TO (" + toList + ")");
                previous = toList;
            } else if (pgMethod.equals("LIST") && upper.startsWith("VALUES IN")) {
                List<String> in = boundValues(bound.substring("VALUES IN".length()).trim(), 0, src, items);
                if (in == null || keys.size() > 1) {
                    return null;
                }
                partitionDdl.add(head + " FOR VALUES IN (" + String.join(", ", in) + ")");
            } else {
                return null;
            }
            i++;
        }
        items.add(ActionItem.of(ActionCode.MY_PARTITIONING_CONVERTED, method + " partitioning of " + t.name() + " with "
                + p.partitions().size() + " partitions", line(src), col(src)));
        return "PARTITION BY " + pgMethod + " (" + String.join(", ", keys) + ")";
    }

    /** {@code (v1, v2)} or {@code MAXVALUE} → translated values; {@code n} MAXVALUEs for a bare MAXVALUE. */
    private List<String> boundValues(String text, int n, MySqlParsedStatement src, List<ActionItem> items) {
        if (text.equalsIgnoreCase("MAXVALUE")) {
            return java.util.Collections.nCopies(Math.max(1, n), "MAXVALUE");
        }
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder cur = new StringBuilder();
        String inner = text.substring(1, text.length() - 1);
        for (int k = 0; k <= inner.length(); k++) {
            char c = k < inner.length() ? inner.charAt(k) : ',';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && k + 1 < inner.length()) {
                    cur.append(c);
                    c = inner.charAt(++k);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String v = cur.toString().trim();
                if (v.equalsIgnoreCase("MAXVALUE")) {
                    out.add("MAXVALUE");
                } else {
                    MySqlToPostgresSql.Translation x = expression(v, src);
                    items.addAll(x.items());
                    if (!x.translated()) {
                        return null;
                    }
                    out.add(x.sql());
                }
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        return out;
    }

    /** Claims {@code base} among the schema's relations; on a collision (MySQL scopes index names per table) prefixes the table. */
    private String uniqueName(String s, String tn, String base, List<ActionItem> items) {
        String n = PostgresIdentifiers.fold(base);
        if (!usedRelations.add(s + "." + n)) {
            n = PostgresIdentifiers.fold(tn + "_" + base);
            for (int i = 2; !usedRelations.add(s + "." + n); i++) {
                n = PostgresIdentifiers.fold(tn + "_" + base + "_" + i);
            }
            items.add(ActionItem.of(ActionCode.MY_INDEX_RENAMED, "Index/constraint " + base + " of " + tn
                    + " renamed to " + n + " (PostgreSQL index names are unique per schema)"));
        }
        if (!PostgresIdentifiers.isSafeUnquoted(n)) {
            items.add(ActionItem.of(ActionCode.IDENTIFIER_QUOTED, "Name " + n + " must be quoted in PostgreSQL"));
        }
        return n;
    }

    private String defaultValue(Column c, String type, MySqlParsedStatement src, List<ActionItem> items) {
        String d = c.defaultExpression().trim();
        String upper = d.toUpperCase(Locale.ROOT);
        if (isZeroDate(d)) {
            items.add(ActionItem.of(ActionCode.MY_ZERO_DATE_DEFAULT, "Column " + c.name() + ": zero-date default " + d
                    + " dropped", line(src), col(src)));
            return null;
        }
        if (upper.matches("(CURRENT_TIMESTAMP|NOW|LOCALTIMESTAMP|LOCALTIME)\\s*(\\(\\s*\\d*\\s*\\))?")) {
            return type.startsWith("timestamptz") ? "CURRENT_TIMESTAMP" : type.equals("date") ? "CURRENT_DATE" : "LOCALTIMESTAMP";
        }
        if (type.equals("boolean")) {
            if (upper.matches("'?(1|TRUE|B'1')'?")) {
                return "TRUE";
            }
            if (upper.matches("'?(0|FALSE|B'0')'?")) {
                return "FALSE";
            }
        }
        MySqlToPostgresSql.Translation x = expression(d, src);
        items.addAll(x.items());
        if (!x.translated()) {
            return null;
        }
        return x.sql();
    }

    private static String action(String prefix, ForeignKey.Action a) {
        return switch (a) {
            case CASCADE -> prefix + "CASCADE";
            case SET_NULL -> prefix + "SET NULL";
            case SET_DEFAULT -> prefix + "SET DEFAULT";
            case RESTRICT -> prefix + "RESTRICT";
            default -> "";
        };
    }

    private static String columnList(List<String> cols) {
        return cols.stream().map(MySqlToPostgresConverter::q).collect(Collectors.joining(", "));
    }

    // ================================================================================================ views

    private ConvertedObject view(String s, String schemaKey, View v, Set<String> viewNames, Set<String> tableNames) {
        MySqlParsedStatement src = sources.get("CREATE_VIEW:" + v.name().toLowerCase(Locale.ROOT));
        List<ActionItem> items = new ArrayList<>();
        String vn = names.claim("relations:" + s, v.name().toLowerCase(Locale.ROOT), items::add);
        usedRelations.add(s + "." + vn);
        MySqlParsedStatement parsed = facade.parseStatement(fileName, v.definition());
        MySqlToPostgresSql.Translation q;
        if (!parsed.isParsed()) {
            q = new MySqlToPostgresSql.Translation(v.definition(), List.of(ActionItem.of(ActionCode.MY_EXPRESSION_NOT_TRANSLATED,
                    "View query does not parse: " + parsed.error().getMessage())), Set.of(), false);
        } else {
            MySqlToPostgresSql.Translation raw = sql.run(parsed.handle().tree().getChild(0));
            // positions inside the query are relative to the query text: shift them to the view statement
            int delta = src == null ? 0 : src.text().indexOf(v.definition()) < 0 ? 0
                    : (int) src.text().substring(0, src.text().indexOf(v.definition())).chars().filter(ch -> ch == '\n').count();
            int base = line(src) + delta;
            q = new MySqlToPostgresSql.Translation(raw.sql(), raw.items().stream()
                    .map(i -> i.line() > 0 ? i.at(base + i.line() - 1, i.column()) : i.at(line(src), col(src))).toList(),
                    raw.tables(), raw.translated());
        }
        items.addAll(q.items());
        StringBuilder sb = new StringBuilder("CREATE VIEW ").append(PostgresIdentifiers.quote(s)).append('.')
                .append(PostgresIdentifiers.quote(vn));
        if (!v.columns().isEmpty()) {
            sb.append(" (").append(v.columns().stream().map(c -> q(c.name())).collect(Collectors.joining(", "))).append(')');
        }
        sb.append(" AS\n").append(q.sql().trim());
        if (v.checkOption() != null) {
            sb.append("\nWITH CHECK OPTION");
        }
        Set<String> deps = new LinkedHashSet<>();
        deps.add(schemaKey);
        for (String t : q.tables()) {
            if (viewNames.contains(t)) {
                deps.add(ConvertedObject.key("VIEW", s, t));
            } else if (tableNames.contains(t)) {
                deps.add(ConvertedObject.key("TABLE", s, t));
            }
        }
        return obj(s, vn, "VIEW", src, q.translated() ? sb.toString() : null, DeployPhase.POST_LOAD, List.copyOf(deps), items);
    }
}
