package dev.ferry.converter.parse.mysql;

import dev.ferry.grammar.mysql.MySqlParser;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Partitioning;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a MySQL / MariaDB DDL script into the neutral schema model: tables (columns with their full declared types —
 * ENUM/SET values, UNSIGNED, ZEROFILL, lengths, charset and collation —, AUTO_INCREMENT as an identity starting at the
 * table's AUTO_INCREMENT option, defaults, ON UPDATE CURRENT_TIMESTAMP, generated columns, primary/unique/foreign
 * keys, checks, indexes with FULLTEXT/SPATIAL method and prefix lengths, partitioning, table options, comments),
 * {@code ALTER TABLE ... ADD} and {@code CREATE INDEX}, views, and routines and triggers as source text. Tables
 * dropped later in the script ({@code DROP TABLE}) are removed. Names are stored as written, unquoted; expressions
 * (defaults, checks, generated columns, view queries) are kept as MySQL source text.
 *
 * <p>Only objects of the script's database are collected: the database of the first {@code USE} (or none), and names
 * qualified with another database are skipped.
 *
 * <p>Threading: stateless; {@link #build} may be called concurrently.
 */
public final class MySqlScriptSchemaBuilder {

    /** Builds the schema {@code schemaName} (the model's name for it) from {@code result}. */
    public Schema build(String schemaName, MySqlParseResult result) {
        State st = new State(schemaName);
        for (MySqlParsedStatement s : result.statements()) {
            if (!s.isParsed() || s.handle() == null) {
                continue;
            }
            ParserRuleContext c = (ParserRuleContext) s.handle().tree().getChild(0);
            if (c instanceof MySqlParser.UseStatementContext u) {
                st.database = name(u.id());
            } else if (c instanceof MySqlParser.CreateTableContext ct) {
                st.createTable(ct);
            } else if (c instanceof MySqlParser.AlterTableContext at) {
                st.alterTable(at);
            } else if (c instanceof MySqlParser.CreateIndexContext ci) {
                st.createIndex(ci);
            } else if (c instanceof MySqlParser.CreateViewContext cv) {
                st.createView(cv, s);
            } else if (c instanceof MySqlParser.CreateFunctionContext cf) {
                st.routines.put(last(cf.fullId()), new Routine(schemaName, last(cf.fullId()), Routine.Kind.FUNCTION,
                        List.of(), text(cf.dataType()), "SQL", false, s.text(), null));
            } else if (c instanceof MySqlParser.CreateProcedureContext cp) {
                st.routines.put(last(cp.fullId()), new Routine(schemaName, last(cp.fullId()), Routine.Kind.PROCEDURE,
                        List.of(), null, "SQL", false, s.text(), null));
            } else if (c instanceof MySqlParser.CreateTriggerContext tr) {
                st.triggers.put(last(tr.fullId(0)), new Trigger(schemaName, last(tr.fullId(0)), schemaName,
                        last(tr.tableName().fullId()),
                        tr.triggerTime.getType() == dev.ferry.grammar.mysql.MySqlLexer.BEFORE ? Trigger.Timing.BEFORE : Trigger.Timing.AFTER,
                        List.of(tr.triggerEvent.getText().toUpperCase(Locale.ROOT)), List.of(), Trigger.Level.ROW, null, true, s.text()));
            } else if (c instanceof MySqlParser.DropStatementContext d) {
                st.drop(d);
            }
        }
        return new Schema(schemaName, st.tables.values().stream().map(TableBuilder::build).toList(),
                List.copyOf(st.views.values()), List.of(), List.copyOf(st.routines.values()),
                List.copyOf(st.triggers.values()), List.of(), List.of(), List.of());
    }

    // ================================================================================================== helpers

    static String name(MySqlParser.IdContext id) {
        return MySqlNames.unquote(id.getText());
    }

    static String last(MySqlParser.FullIdContext f) {
        return f.dottedId() != null ? MySqlNames.unquote(f.dottedId().getText()) : name(f.id());
    }

    static String qualifier(MySqlParser.FullIdContext f) {
        return f.dottedId() != null ? name(f.id()) : null;
    }

    /** The source text of a rule, exactly as written. */
    static String text(ParserRuleContext ctx) {
        if (ctx == null || ctx.getStart() == null) {
            return null;
        }
        Token stop = ctx.getStop() == null ? ctx.getStart() : ctx.getStop();
        if (stop.getStopIndex() < ctx.getStart().getStartIndex()) {
            return "";
        }
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), stop.getStopIndex()));
    }

    private static String stringValue(MySqlParser.StringLiteralContext s) {
        StringBuilder sb = new StringBuilder();
        s.SQ_STRING().forEach(t -> sb.append(MySqlToPostgresSql.unescape(t.getText())));
        s.DQ_STRING().forEach(t -> sb.append(MySqlToPostgresSql.unescape(t.getText())));
        return sb.toString();
    }

    /** The declared type as model data: lower-case base name, length/precision, unsigned/zerofill, ENUM/SET values. */
    static DataType dataType(MySqlParser.DataTypeContext d) {
        String declared = text(d).replaceAll("\\s+", " ").trim();
        String base = d.getStart().getText().toLowerCase(Locale.ROOT);
        Long length = null;
        Integer precision = null;
        Integer scale = null;
        boolean unsigned = false;
        boolean zerofill = false;
        List<String> values = new ArrayList<>();
        if (d instanceof MySqlParser.IntegerTypeContext it) {
            base = switch (base) {
                case "int1" -> "tinyint";
                case "int2" -> "smallint";
                case "int3", "middleint" -> "mediumint";
                case "int4", "integer" -> "int";
                case "int8" -> "bigint";
                default -> base;
            };
            length = it.fieldLength() == null ? null : Long.valueOf(it.fieldLength().INTEGER_LITERAL().getText());
            for (MySqlParser.NumberAttributeContext a : it.numberAttribute()) {
                unsigned |= a.UNSIGNED() != null || a.ZEROFILL() != null;
                zerofill |= a.ZEROFILL() != null;
            }
        } else if (d instanceof MySqlParser.DecimalTypeContext dt) {
            base = switch (base) {
                case "dec", "numeric", "fixed" -> "decimal";
                case "float4" -> "float";
                case "float8", "real" -> "double";
                default -> base;
            };
            if (dt.precision() != null) {
                precision = Integer.valueOf(dt.precision().INTEGER_LITERAL(0).getText());
                if (dt.precision().INTEGER_LITERAL().size() > 1) {
                    scale = Integer.valueOf(dt.precision().INTEGER_LITERAL(1).getText());
                }
            } else if (base.equals("decimal")) {
                precision = 10;
                scale = 0;
            }
            for (MySqlParser.NumberAttributeContext a : dt.numberAttribute()) {
                unsigned |= a.UNSIGNED() != null || a.ZEROFILL() != null;
                zerofill |= a.ZEROFILL() != null;
            }
        } else if (d instanceof MySqlParser.BitTypeContext bt) {
            length = bt.fieldLength() == null ? 1L : Long.valueOf(bt.fieldLength().INTEGER_LITERAL().getText());
        } else if (d instanceof MySqlParser.BooleanTypeContext) {
            base = "tinyint";
            length = 1L;
        } else if (d instanceof MySqlParser.SerialTypeContext) {
            base = "serial";
        } else if (d instanceof MySqlParser.CharTypeContext ct) {
            base = "char";
            length = ct.fieldLength() == null ? 1L : Long.valueOf(ct.fieldLength().INTEGER_LITERAL().getText());
        } else if (d instanceof MySqlParser.VarcharTypeContext vt) {
            base = "varchar";
            length = Long.valueOf(vt.fieldLength().INTEGER_LITERAL().getText());
        } else if (d instanceof MySqlParser.TextTypeContext) {
            base = base.equals("long") ? "mediumtext" : base;
        } else if (d instanceof MySqlParser.BinaryTypeContext bt) {
            length = bt.fieldLength() == null ? (base.equals("binary") ? 1L : null) : Long.valueOf(bt.fieldLength().INTEGER_LITERAL().getText());
        } else if (d instanceof MySqlParser.BlobTypeContext) {
            base = base.equals("long") ? "mediumblob" : base;
        } else if (d instanceof MySqlParser.EnumTypeContext et) {
            et.stringLiteral().forEach(s -> values.add(stringValue(s)));
        } else if (d instanceof MySqlParser.TimeTypeContext tt) {
            length = tt.fieldLength() == null ? null : Long.valueOf(tt.fieldLength().INTEGER_LITERAL().getText());
        } else if (d instanceof MySqlParser.OtherTypeContext ot) {
            base = MySqlNames.unquote(ot.id().getText()).toLowerCase(Locale.ROOT);
            length = ot.fieldLength() == null ? null : Long.valueOf(ot.fieldLength().INTEGER_LITERAL().getText());
        }
        return new DataType(base, length, precision, scale, null, unsigned, zerofill, values, 0, declared);
    }

    /** Charset / collation written with the type ({@code VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin}). */
    private static void typeCharset(MySqlParser.DataTypeContext d, ColumnBuilder c) {
        MySqlParser.CharsetAttributesContext ca = null;
        if (d instanceof MySqlParser.CharTypeContext ct) {
            ca = ct.charsetAttributes();
        } else if (d instanceof MySqlParser.VarcharTypeContext vt) {
            ca = vt.charsetAttributes();
        } else if (d instanceof MySqlParser.TextTypeContext tt) {
            ca = tt.charsetAttributes();
        } else if (d instanceof MySqlParser.EnumTypeContext et) {
            ca = et.charsetAttributes();
        }
        if (ca != null) {
            if (!ca.charsetName().isEmpty()) {
                c.charset = MySqlNames.unquote(ca.charsetName(0).getText()).toLowerCase(Locale.ROOT);
            }
            if (!ca.collationName().isEmpty()) {
                c.collation = MySqlNames.unquote(ca.collationName(0).getText()).toLowerCase(Locale.ROOT);
            }
        }
    }

    private static List<Index.Element> elements(MySqlParser.KeyPartsContext kp) {
        List<Index.Element> out = new ArrayList<>();
        for (MySqlParser.KeyPartContext p : kp.keyPart()) {
            boolean desc = p.DESC() != null;
            if (p.id() != null) {
                Integer prefix = p.INTEGER_LITERAL() == null ? null : Integer.valueOf(p.INTEGER_LITERAL().getText());
                out.add(new Index.Element(name(p.id()), null, desc, prefix));
            } else {
                out.add(new Index.Element(null, text(p.expression()), desc, null));
            }
        }
        return out;
    }

    private static List<String> columns(MySqlParser.KeyPartsContext kp) {
        return elements(kp).stream().map(e -> e.column() == null ? e.expression() : e.column()).toList();
    }

    private static ForeignKey.Action action(MySqlParser.ReferenceActionContext a) {
        if (a == null) {
            return ForeignKey.Action.NO_ACTION;
        }
        if (a.RESTRICT() != null) {
            return ForeignKey.Action.RESTRICT;
        }
        if (a.CASCADE() != null) {
            return ForeignKey.Action.CASCADE;
        }
        if (a.NULL() != null) {
            return ForeignKey.Action.SET_NULL;
        }
        if (a.DEFAULT() != null) {
            return ForeignKey.Action.SET_DEFAULT;
        }
        return ForeignKey.Action.NO_ACTION;
    }

    private static ForeignKey foreignKey(String name, List<String> cols, MySqlParser.ReferenceDefinitionContext r) {
        ForeignKey.Action onDelete = ForeignKey.Action.NO_ACTION;
        ForeignKey.Action onUpdate = ForeignKey.Action.NO_ACTION;
        for (MySqlParser.ReferenceTriggerContext t : r.referenceTrigger()) {
            if (t.DELETE() != null) {
                onDelete = action(t.referenceAction());
            } else {
                onUpdate = action(t.referenceAction());
            }
        }
        List<String> refCols = r.keyParts() == null ? List.of() : columns(r.keyParts());
        return new ForeignKey(name, cols, qualifier(r.tableName().fullId()), last(r.tableName().fullId()), refCols,
                onDelete, onUpdate, false, false, null);
    }

    // ================================================================================================== state

    private static final class ColumnBuilder {
        String name;
        DataType type;
        boolean nullable = true;
        String defaultExpression;
        Identity identity;
        String generated;
        boolean stored;
        String charset;
        String collation;
        String comment;
        String onUpdate;
    }

    private static final class TableBuilder {
        String schema;
        String name;
        Table.Kind kind = Table.Kind.REGULAR;
        final List<ColumnBuilder> columns = new ArrayList<>();
        KeyConstraint primaryKey;
        final List<KeyConstraint> uniqueKeys = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        String comment;
        Partitioning partitioning;
        final Map<String, String> options = new LinkedHashMap<>();

        ColumnBuilder column(String n) {
            return columns.stream().filter(c -> c.name.equalsIgnoreCase(n)).findFirst().orElse(null);
        }

        Table build() {
            List<Column> cols = new ArrayList<>();
            Long start = options.containsKey("auto_increment") ? Long.valueOf(options.get("auto_increment")) : null;
            for (int i = 0; i < columns.size(); i++) {
                ColumnBuilder c = columns.get(i);
                boolean inPk = primaryKey != null && primaryKey.columns().stream().anyMatch(p -> p.equalsIgnoreCase(c.name));
                Identity id = c.identity == null ? null : new Identity(Identity.Kind.BY_DEFAULT, start, 1L, null);
                cols.add(new Column(c.name, i + 1, c.type, c.nullable && !inPk, c.defaultExpression, id, c.generated,
                        c.generated != null && c.stored, c.charset, c.collation, c.comment, c.onUpdate));
            }
            return new Table(schema, name, kind, cols, primaryKey, uniqueKeys, foreignKeys, checks, indexes, comment,
                    -1, -1, partitioning, options);
        }
    }

    private static final class State {
        final String schemaName;
        String database;
        final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        final Map<String, View> views = new LinkedHashMap<>();
        final Map<String, Routine> routines = new LinkedHashMap<>();
        final Map<String, Trigger> triggers = new LinkedHashMap<>();

        State(String schemaName) {
            this.schemaName = schemaName;
        }

        boolean ours(MySqlParser.FullIdContext f) {
            String q = qualifier(f);
            return q == null || database == null || q.equalsIgnoreCase(database);
        }

        TableBuilder table(MySqlParser.TableNameContext t) {
            if (!ours(t.fullId())) {
                return null;
            }
            return tables.get(last(t.fullId()).toLowerCase(Locale.ROOT));
        }

        void drop(MySqlParser.DropStatementContext d) {
            if (d instanceof MySqlParser.DropTableContext dt) {
                for (MySqlParser.TableNameContext t : dt.tableNameList().tableName()) {
                    if (ours(t.fullId())) {
                        tables.remove(last(t.fullId()).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        void createTable(MySqlParser.CreateTableContext ct) {
            if (!ours(ct.tableName().fullId()) || !(ct.createTableBody() instanceof MySqlParser.CreateTableColumnsContext body)) {
                return;
            }
            TableBuilder t = new TableBuilder();
            t.schema = schemaName;
            t.name = last(ct.tableName().fullId());
            if (ct.TEMPORARY() != null) {
                t.kind = Table.Kind.TEMPORARY;
            }
            for (MySqlParser.TableElementContext e : body.tableElement()) {
                if (e.columnDefinition() != null) {
                    addColumn(t, e.columnDefinition());
                } else if (e.tableConstraint() != null) {
                    addConstraint(t, e.tableConstraint());
                }
            }
            if (body.tableOptions() != null) {
                for (MySqlParser.TableOptionContext o : body.tableOptions().tableOption()) {
                    option(t, o);
                }
            }
            if (body.partitionClause() != null) {
                t.partitioning = partitioning(body.partitionClause());
                if (body.partitionClause().SUBPARTITION() != null) {
                    t.options.put("subpartition_by", text(body.partitionClause().partitionFunction(1)));
                }
                t.kind = Table.Kind.PARTITIONED;
            }
            tables.put(t.name.toLowerCase(Locale.ROOT), t);
        }

        private static void option(TableBuilder t, MySqlParser.TableOptionContext o) {
            if (o instanceof MySqlParser.EngineOptionContext e) {
                t.options.put("engine", MySqlNames.unquote(e.getChild(e.getChildCount() - 1).getText()));
            } else if (o instanceof MySqlParser.AutoIncrementOptionContext a) {
                t.options.put("auto_increment", a.INTEGER_LITERAL().getText());
            } else if (o instanceof MySqlParser.CharsetOptionContext c) {
                t.options.put("charset", MySqlNames.unquote(c.charsetName().getText()).toLowerCase(Locale.ROOT));
            } else if (o instanceof MySqlParser.CollateOptionContext c) {
                t.options.put("collate", MySqlNames.unquote(c.collationName().getText()).toLowerCase(Locale.ROOT));
            } else if (o instanceof MySqlParser.CommentOptionContext c) {
                t.comment = stringValue(c.stringLiteral());
            } else {
                String k = o.getStart().getText().toLowerCase(Locale.ROOT);
                t.options.put(k, text(o).substring(o.getStart().getText().length()).replaceFirst("^\\s*=?\\s*", ""));
            }
        }

        private static Partitioning partitioning(MySqlParser.PartitionClauseContext pc) {
            MySqlParser.PartitionFunctionContext f = pc.partitionFunction(0);
            String method;
            List<String> keys = new ArrayList<>();
            if (f instanceof MySqlParser.HashPartitioningContext h) {
                method = "hash";
                keys.add(text(h.expression()));
            } else if (f instanceof MySqlParser.KeyPartitioningContext k) {
                method = "key";
                if (k.idList() != null) {
                    k.idList().id().forEach(i -> keys.add(name(i)));
                }
            } else if (f instanceof MySqlParser.RangePartitioningContext r) {
                method = r.COLUMNS() != null ? "range columns" : "range";
                if (r.idList() != null) {
                    r.idList().id().forEach(i -> keys.add(name(i)));
                } else {
                    keys.add(text(r.expression()));
                }
            } else if (f instanceof MySqlParser.ListPartitioningContext l) {
                method = l.COLUMNS() != null ? "list columns" : "list";
                if (l.idList() != null) {
                    l.idList().id().forEach(i -> keys.add(name(i)));
                } else {
                    keys.add(text(l.expression()));
                }
            } else {
                method = "system_time";
            }
            List<Partitioning.Partition> parts = new ArrayList<>();
            for (MySqlParser.PartitionDefinitionContext d : pc.partitionDefinition()) {
                String bound = null;
                if (d.VALUES() != null) {
                    Token from = d.VALUES().getSymbol();
                    Token to = d.partitionOption().isEmpty() ? d.getStop() : d.partitionOption(0).getStart();
                    int stop = d.partitionOption().isEmpty() ? to.getStopIndex() : to.getStartIndex() - 1;
                    bound = from.getInputStream().getText(Interval.of(from.getStartIndex(), stop)).trim();
                }
                parts.add(new Partitioning.Partition(name(d.id()), bound));
            }
            if (parts.isEmpty() && pc.PARTITIONS() != null) {
                int n = Integer.parseInt(pc.INTEGER_LITERAL(0).getText());
                for (int i = 0; i < n; i++) {
                    parts.add(new Partitioning.Partition("p" + i, null));
                }
            }
            return new Partitioning(method, keys, parts);
        }

        private void addColumn(TableBuilder t, MySqlParser.ColumnDefinitionContext cd) {
            ColumnBuilder c = new ColumnBuilder();
            c.name = name(cd.id());
            c.type = dataType(cd.dataType());
            typeCharset(cd.dataType(), c);
            if (cd.dataType() instanceof MySqlParser.SerialTypeContext) {
                c.nullable = false;
                c.identity = new Identity(Identity.Kind.BY_DEFAULT, null, 1L, null);
                t.uniqueKeys.add(new KeyConstraint(null, List.of(c.name), false, false));
            }
            t.columns.add(c);
            for (MySqlParser.ColumnAttributeContext a : cd.columnAttribute()) {
                if (a instanceof MySqlParser.NullAttributeContext n) {
                    c.nullable = n.NOT() == null;
                } else if (a instanceof MySqlParser.DefaultAttributeContext d) {
                    c.defaultExpression = d.defaultValue().NULL() != null ? null : text(d.defaultValue());
                } else if (a instanceof MySqlParser.OnUpdateAttributeContext u) {
                    c.onUpdate = text(u.currentTimestamp());
                } else if (a instanceof MySqlParser.AutoIncrementAttributeContext) {
                    c.identity = new Identity(Identity.Kind.BY_DEFAULT, null, 1L, null);
                } else if (a instanceof MySqlParser.PrimaryKeyAttributeContext) {
                    t.primaryKey = new KeyConstraint(null, List.of(c.name), false, false);
                } else if (a instanceof MySqlParser.UniqueAttributeContext) {
                    t.uniqueKeys.add(new KeyConstraint(null, List.of(c.name), false, false));
                } else if (a instanceof MySqlParser.CommentAttributeContext cm) {
                    c.comment = stringValue(cm.stringLiteral());
                } else if (a instanceof MySqlParser.CollateAttributeContext co) {
                    c.collation = MySqlNames.unquote(co.collationName().getText()).toLowerCase(Locale.ROOT);
                } else if (a instanceof MySqlParser.CharsetAttributeContext cs) {
                    c.charset = MySqlNames.unquote(cs.charsetName().getText()).toLowerCase(Locale.ROOT);
                } else if (a instanceof MySqlParser.GeneratedAttributeContext g) {
                    c.generated = text(g.expression());
                    c.stored = g.STORED() != null || g.PERSISTENT() != null;
                } else if (a instanceof MySqlParser.CheckAttributeContext ck) {
                    t.checks.add(new CheckConstraint(ck.id() == null ? null : name(ck.id()), text(ck.expression()),
                            !(ck.ENFORCED() != null && ck.NOT() != null)));
                } else if (a instanceof MySqlParser.ReferencesAttributeContext r) {
                    t.foreignKeys.add(foreignKey(null, List.of(c.name), r.referenceDefinition()));
                }
            }
        }

        private void addConstraint(TableBuilder t, MySqlParser.TableConstraintContext tc) {
            if (tc instanceof MySqlParser.PrimaryKeyConstraintContext pk) {
                t.primaryKey = new KeyConstraint(pk.id() == null ? null : name(pk.id()), columns(pk.keyParts()), false, false);
            } else if (tc instanceof MySqlParser.UniqueConstraintContext u) {
                String n = u.indexName() != null ? name(u.indexName().id()) : u.id() != null ? name(u.id()) : null;
                List<Index.Element> els = elements(u.keyParts());
                if (els.stream().allMatch(e -> e.column() != null && e.prefixLength() == null)) {
                    t.uniqueKeys.add(new KeyConstraint(n, columns(u.keyParts()), false, false));
                } else {
                    t.indexes.add(new Index(n, true, els, "btree", null, false, null));
                }
            } else if (tc instanceof MySqlParser.ForeignKeyConstraintContext fk) {
                String n = fk.id() != null ? name(fk.id()) : fk.indexName() != null ? name(fk.indexName().id()) : null;
                t.foreignKeys.add(foreignKey(n, columns(fk.keyParts()), fk.referenceDefinition()));
            } else if (tc instanceof MySqlParser.CheckConstraintContext ck) {
                t.checks.add(new CheckConstraint(ck.id() == null ? null : name(ck.id()), text(ck.expression()),
                        !(ck.ENFORCED() != null && ck.NOT() != null)));
            } else if (tc instanceof MySqlParser.IndexDefinitionContext ix) {
                String method = ix.indexType() != null && ix.indexType().HASH() != null ? "hash" : "btree";
                t.indexes.add(new Index(ix.indexName() == null ? null : name(ix.indexName().id()), false,
                        elements(ix.keyParts()), method, null, false, comment(ix.indexOption())));
            } else if (tc instanceof MySqlParser.SpecialIndexDefinitionContext sx) {
                t.indexes.add(new Index(sx.indexName() == null ? null : name(sx.indexName().id()), false,
                        elements(sx.keyParts()), sx.FULLTEXT() != null ? "fulltext" : "spatial", null, false,
                        comment(sx.indexOption())));
            }
        }

        private static String comment(List<MySqlParser.IndexOptionContext> options) {
            for (MySqlParser.IndexOptionContext o : options) {
                if (o.COMMENT() != null) {
                    return stringValue(o.stringLiteral());
                }
            }
            return null;
        }

        void alterTable(MySqlParser.AlterTableContext at) {
            TableBuilder t = table(at.tableName());
            if (t == null) {
                return;
            }
            for (MySqlParser.AlterSpecificationContext s : at.alterSpecification()) {
                if (s instanceof MySqlParser.AddConstraintContext ac) {
                    addConstraint(t, ac.tableConstraint());
                } else if (s instanceof MySqlParser.AddColumnContext ac) {
                    addColumn(t, ac.columnDefinition());
                } else if (s instanceof MySqlParser.AddColumnsContext ac) {
                    ac.columnDefinition().forEach(cd -> addColumn(t, cd));
                } else if (s instanceof MySqlParser.AlterTableOptionContext o) {
                    option(t, o.tableOption());
                }
            }
        }

        void createIndex(MySqlParser.CreateIndexContext ci) {
            TableBuilder t = table(ci.tableName());
            if (t == null) {
                return;
            }
            String method = ci.FULLTEXT() != null ? "fulltext" : ci.SPATIAL() != null ? "spatial"
                    : ci.indexType() != null && ci.indexType().HASH() != null ? "hash" : "btree";
            t.indexes.add(new Index(name(ci.indexName().id()), ci.UNIQUE() != null, elements(ci.keyParts()), method,
                    null, false, comment(ci.indexOption())));
        }

        void createView(MySqlParser.CreateViewContext cv, MySqlParsedStatement s) {
            if (!ours(cv.tableName().fullId())) {
                return;
            }
            String n = last(cv.tableName().fullId());
            List<Column> cols = new ArrayList<>();
            if (cv.idList() != null) {
                int i = 1;
                for (MySqlParser.IdContext id : cv.idList().id()) {
                    cols.add(Column.of(name(id), i++, DataType.of("unknown"), true));
                }
            }
            String check = cv.CHECK() != null ? "CHECK OPTION" : null;
            views.put(n.toLowerCase(Locale.ROOT), new View(schemaName, n, false, text(cv.queryExpression()), cols, check, null));
        }
    }
}
