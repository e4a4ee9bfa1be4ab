package dev.ferry.engine.mapping;

import dev.ferry.engine.load.LoadPlanner;
import dev.ferry.engine.load.RowFilter;
import dev.ferry.model.project.DmsInteger;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.project.TransformationRule;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every DMS rule type the resolver knows, on a hand-built catalog, plus precedence and error cases. */
class TableMappingResolverTest {

    private static final DatabaseModel MODEL = new DatabaseModel(Engine.MYSQL, "10.11", "shop", Instant.EPOCH, List.of(
            schema("sales", table("sales", "orders", "order_id", "customer_id", "status", "amount", "created_at"),
                    table("sales", "order_items", "order_id", "line_no", "qty"),
                    table("sales", "tmp_orders", "id", "payload"),
                    table("sales", "orders_bak", "order_id", "note")),
            schema("hr", table("hr", "employees", "emp_id", "first_name", "last_name", "salary"),
                    table("hr", "audit_log", "id", "what"))));

    private static Schema schema(String name, Table... tables) {
        return new Schema(name, List.of(tables), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Table table(String schema, String name, String... columns) {
        List<Column> cols = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cols.add(Column.of(columns[i], i + 1, DataType.of(i == 0 ? "int" : columns[i].equals("created_at") ? "datetime" : "varchar"), i > 0));
        }
        return new Table(schema, name, Table.Kind.REGULAR, cols, KeyConstraint.of("pk", List.of(columns[0])), List.of(),
                List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
    }

    private static SelectionRule sel(String id, SelectionRule.Action action, String schema, String table, SelectionRule.Filter... filters) {
        return new SelectionRule(id, "r" + id, ObjectLocator.table(schema, table), action, null,
                filters.length == 0 ? null : Arrays.asList(filters), Set.of());
    }

    private static TransformationRule tr(String id, TransformationRule.Target target, TransformationRule.Action action,
                                         ObjectLocator locator, String value, String oldValue) {
        return new TransformationRule(id, "r" + id, target, locator, action, value, oldValue, null, null, null, null, Set.of());
    }

    private static ObjectLocator schemaLoc(String schema) {
        return new ObjectLocator(schema, null, null, null, null, null, null);
    }

    private static List<ResolvedTable> resolve(TableMappingRule... rules) {
        return new TableMappingResolver(new TableMappings(List.of(rules))).resolve(MODEL);
    }

    private static ResolvedTable only(List<ResolvedTable> tables, String sourceName) {
        return tables.stream().filter(t -> t.source().name().equals(sourceName)).findFirst().orElseThrow();
    }

    private static List<String> sources(List<ResolvedTable> tables) {
        return tables.stream().map(t -> t.source().qualifiedName().toString()).toList();
    }

    // ---- selection ----

    @Test
    void includeWithWildcardsSelectsMatchingTablesOnly() {
        assertThat(sources(resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "order%"))))
                .containsExactly("sales.orders", "sales.order_items", "sales.orders_bak");
        assertThat(sources(resolve(sel("1", SelectionRule.Action.INCLUDE, "%", "%")))).hasSize(6);
        assertThat(sources(resolve(sel("1", SelectionRule.Action.INCLUDE, "h_", "%"))))
                .containsExactly("hr.employees", "hr.audit_log");
        assertThat(resolve()).isEmpty();
    }

    @Test
    void excludeWinsWhateverTheRuleOrder() {
        List<ResolvedTable> before = resolve(sel("1", SelectionRule.Action.EXCLUDE, "sales", "%_bak"),
                sel("2", SelectionRule.Action.INCLUDE, "sales", "%"), sel("3", SelectionRule.Action.EXCLUDE, "sales", "tmp%"));
        List<ResolvedTable> after = resolve(sel("2", SelectionRule.Action.INCLUDE, "sales", "%"),
                sel("3", SelectionRule.Action.EXCLUDE, "sales", "tmp%"), sel("1", SelectionRule.Action.EXCLUDE, "sales", "%_bak"));
        assertThat(sources(before)).containsExactly("sales.orders", "sales.order_items");
        assertThat(sources(after)).isEqualTo(sources(before));
        // an explicit selection does not beat an exclude either
        assertThat(sources(resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "audit_log"),
                sel("2", SelectionRule.Action.EXCLUDE, "hr", "audit%")))).isEmpty();
    }

    @Test
    void explicitSelectsOneTableAndRefusesWildcards() {
        assertThat(sources(resolve(sel("7", SelectionRule.Action.EXPLICIT, "hr", "employees")))).containsExactly("hr.employees");
        assertThatThrownBy(() -> resolve(sel("7", SelectionRule.Action.EXPLICIT, "hr", "emp%")))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 7").hasMessageContaining("explicit");
    }

    @Test
    void selectedSchemasAreListedOnlyWithoutWildcards() {
        assertThat(new TableMappingResolver(new TableMappings(List.of(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                sel("2", SelectionRule.Action.EXPLICIT, "hr", "employees")))).selectedSchemas()).containsExactly("sales", "hr");
        assertThat(new TableMappingResolver(new TableMappings(List.of(sel("1", SelectionRule.Action.INCLUDE, "%", "x"))))
                .selectedSchemas()).isEmpty();
    }

    // ---- schema and table names ----

    @Test
    void schemaAndTableRenames() {
        List<ResolvedTable> r = resolve(sel("1", SelectionRule.Action.INCLUDE, "%", "%"),
                tr("2", TransformationRule.Target.SCHEMA, TransformationRule.Action.RENAME, schemaLoc("sales"), "shop", null),
                tr("3", TransformationRule.Target.TABLE, TransformationRule.Action.RENAME, ObjectLocator.table("hr", "employees"), "staff", null));
        assertThat(only(r, "orders").target()).isEqualTo(new QualifiedName("shop", "orders"));
        assertThat(only(r, "employees").target()).isEqualTo(new QualifiedName("hr", "staff"));
        assertThat(only(r, "audit_log").target()).isEqualTo(new QualifiedName("hr", "audit_log"));
    }

    @Test
    void prefixActions() {
        ObjectLocator all = ObjectLocator.table("sales", "%");
        List<ResolvedTable> add = resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                tr("2", TransformationRule.Target.TABLE, TransformationRule.Action.ADD_PREFIX, all, "s_", null));
        assertThat(only(add, "orders").target().name()).isEqualTo("s_orders");
        SelectionRule notOrders = sel("0", SelectionRule.Action.EXCLUDE, "sales", "orders");
        List<ResolvedTable> remove = resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"), notOrders,
                tr("2", TransformationRule.Target.TABLE, TransformationRule.Action.REMOVE_PREFIX, all, "tmp_", null));
        assertThat(only(remove, "tmp_orders").target().name()).isEqualTo("orders");
        assertThat(only(remove, "orders_bak").target().name()).isEqualTo("orders_bak");
        assertThatThrownBy(() -> resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                tr("2", TransformationRule.Target.TABLE, TransformationRule.Action.REMOVE_PREFIX, all, "tmp_", null)))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 2").hasMessageContaining("both map to target table sales.orders");
        List<ResolvedTable> replace = resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                tr("2", TransformationRule.Target.TABLE, TransformationRule.Action.REPLACE_PREFIX, all, "stage_", "tmp_"));
        assertThat(only(replace, "tmp_orders").target().name()).isEqualTo("stage_orders");
        assertThat(only(replace, "orders").target().name()).isEqualTo("orders");
        List<ResolvedTable> schema = resolve(sel("1", SelectionRule.Action.INCLUDE, "hr", "%"),
                tr("2", TransformationRule.Target.SCHEMA, TransformationRule.Action.ADD_PREFIX, schemaLoc("hr"), "legacy_", null));
        assertThat(only(schema, "employees").target().schema()).isEqualTo("legacy_hr");
    }

    @Test
    void suffixActions() {
        ObjectLocator all = ObjectLocator.table("sales", "%");
        assertThat(only(resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                tr("2", TransformationRule.Target.TABLE, TransformationRule.Action.ADD_SUFFIX, all, "_v2", null)), "orders")
                .target().name()).isEqualTo("orders_v2");
        List<ResolvedTable> remove = resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                sel("0", SelectionRule.Action.EXCLUDE, "sales", "orders"),
                tr("2", TransformationRule.Target.TABLE, TransformationRule.Action.REMOVE_SUFFIX, all, "_bak", null));
        assertThat(only(remove, "orders_bak").target().name()).isEqualTo("orders");
        assertThat(only(remove, "order_items").target().name()).isEqualTo("order_items");
        assertThat(only(resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                tr("2", TransformationRule.Target.TABLE, TransformationRule.Action.REPLACE_SUFFIX, all, "_old", "_bak")), "orders_bak")
                .target().name()).isEqualTo("orders_old");
    }

    @Test
    void caseConversionAndRuleOrderCompose() {
        ObjectLocator all = ObjectLocator.table("hr", "%");
        // rule-id order (not document order): 3 upper-cases, then 5 prefixes, then 9 lower-cases everything
        List<ResolvedTable> r = resolve(sel("1", SelectionRule.Action.INCLUDE, "hr", "%"),
                tr("9", TransformationRule.Target.TABLE, TransformationRule.Action.CONVERT_LOWERCASE, ObjectLocator.table("hr", "audit%"), null, null),
                tr("5", TransformationRule.Target.TABLE, TransformationRule.Action.ADD_PREFIX, all, "X_", null),
                tr("3", TransformationRule.Target.TABLE, TransformationRule.Action.CONVERT_UPPERCASE, all, null, null));
        assertThat(only(r, "employees").target().name()).isEqualTo("X_EMPLOYEES");
        assertThat(only(r, "audit_log").target().name()).isEqualTo("x_audit_log");
        // two renames of the same table: the later rule wins
        List<ResolvedTable> twice = resolve(sel("1", SelectionRule.Action.INCLUDE, "hr", "employees"),
                tr("20", TransformationRule.Target.TABLE, TransformationRule.Action.RENAME, ObjectLocator.table("hr", "employees"), "people", null),
                tr("10", TransformationRule.Target.TABLE, TransformationRule.Action.RENAME, ObjectLocator.table("hr", "employees"), "staff", null));
        assertThat(twice.get(0).target().name()).isEqualTo("people");
    }

    @Test
    void twoTablesOnOneTargetNameIsAnErrorNamingTheRule() {
        assertThatThrownBy(() -> resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "%"),
                tr("4", TransformationRule.Target.TABLE, TransformationRule.Action.REMOVE_SUFFIX, ObjectLocator.table("sales", "%"), "_bak", null)))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 4").hasMessageContaining("sales.orders");
    }

    // ---- columns ----

    @Test
    void columnRenameCaseAndPrefix() {
        ResolvedTable t = resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "employees"),
                tr("2", TransformationRule.Target.COLUMN, TransformationRule.Action.RENAME, ObjectLocator.column("hr", "employees", "emp_id"), "id", null),
                tr("3", TransformationRule.Target.COLUMN, TransformationRule.Action.CONVERT_UPPERCASE, ObjectLocator.column("hr", "employees", "%_name"), null, null),
                tr("4", TransformationRule.Target.COLUMN, TransformationRule.Action.ADD_PREFIX, ObjectLocator.column("hr", "employees", "salary"), "gross_", null)).get(0);
        assertThat(t.loadedColumns()).containsExactly(new LoadPlanner.ColumnPair("emp_id", "id"),
                new LoadPlanner.ColumnPair("first_name", "FIRST_NAME"), new LoadPlanner.ColumnPair("last_name", "LAST_NAME"),
                new LoadPlanner.ColumnPair("salary", "gross_salary"));
        assertThat(t.columns().get(1).ruleIds()).containsExactly("3");
    }

    @Test
    void columnSelectedByDataType() {
        ResolvedTable t = resolve(sel("1", SelectionRule.Action.EXPLICIT, "sales", "orders"),
                tr("2", TransformationRule.Target.COLUMN, TransformationRule.Action.ADD_SUFFIX,
                        new ObjectLocator("sales", "orders", null, "%", "datetime", null, null), "_utc", null)).get(0);
        assertThat(t.targetColumn("created_at")).isEqualTo("created_at_utc");
        assertThat(t.targetColumn("status")).isEqualTo("status");
    }

    @Test
    void removeColumnAndChangeDataType() {
        TransformationRule.DataType numeric = new TransformationRule.DataType("numeric", DmsInteger.of(12), DmsInteger.of(2), null);
        ResolvedTable t = resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "employees"),
                tr("2", TransformationRule.Target.COLUMN, TransformationRule.Action.REMOVE_COLUMN, ObjectLocator.column("hr", "employees", "last_name"), null, null),
                new TransformationRule("3", "r3", TransformationRule.Target.COLUMN, ObjectLocator.column("hr", "employees", "salary"),
                        TransformationRule.Action.CHANGE_DATA_TYPE, null, null, numeric, null, null, null, Set.of())).get(0);
        assertThat(t.loadedColumns()).extracting(LoadPlanner.ColumnPair::source).containsExactly("emp_id", "first_name", "salary");
        assertThat(t.columns().get(2).removed()).isTrue();
        assertThat(t.columns().get(3).changedType()).isEqualTo(numeric);
        assertThat(t.targetColumn("last_name")).isNull();
        assertThatThrownBy(() -> resolve(sel("1", SelectionRule.Action.INCLUDE, "hr", "%"),
                tr("8", TransformationRule.Target.TABLE, TransformationRule.Action.REMOVE_COLUMN, ObjectLocator.table("hr", "%"), null, null)))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 8").hasMessageContaining("column only");
    }

    @Test
    void addColumnCopiesASourceColumnOrComputesAnExpressionCheckedBySqlite() {
        ResolvedTable t = resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "employees"),
                new TransformationRule("5", "r5", TransformationRule.Target.COLUMN, ObjectLocator.table("hr", "employees"),
                        TransformationRule.Action.ADD_COLUMN, "legacy_id", null, new TransformationRule.DataType("int4", null, null, null),
                        "$emp_id", null, null, Set.of()),
                new TransformationRule("6", "r6", TransformationRule.Target.COLUMN, ObjectLocator.table("hr", "employees"),
                        TransformationRule.Action.ADD_COLUMN, "full_name", null, new TransformationRule.DataType("string", null, null, DmsInteger.of(100)),
                        "$first_name||' '||$last_name", null, null, Set.of())).get(0);
        assertThat(t.added()).extracting(AddedColumn::name).containsExactly("legacy_id", "full_name");
        assertThat(t.added().get(0).sourceColumn()).isEqualTo("emp_id");
        assertThat(t.added().get(1).sourceColumn()).isNull();
        assertThat(t.loadedColumns()).endsWith(new LoadPlanner.ColumnPair("emp_id", "legacy_id"),
                new LoadPlanner.ColumnPair(null, "full_name", "$first_name||' '||$last_name", "6"));
        assertThatThrownBy(() -> resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "employees"),
                new TransformationRule("7", "r7", TransformationRule.Target.COLUMN, ObjectLocator.table("hr", "employees"),
                        TransformationRule.Action.ADD_COLUMN, "bad", null, null, "$first_name ||| 'x'", null, null, Set.of())))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("table-mapping rule 7: add-column bad on hr.employees: "
                        + "'$first_name ||| 'x'' is not a valid SQLite expression");
        assertThatThrownBy(() -> resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "employees"),
                new TransformationRule("8", "r8", TransformationRule.Target.COLUMN, ObjectLocator.table("hr", "employees"),
                        TransformationRule.Action.ADD_COLUMN, "bad", null, null, "upper($nickname)", null, null, Set.of())))
                .isInstanceOf(MappingException.class).hasMessage("table-mapping rule 8: add-column bad on hr.employees: the "
                        + "expression refers to $nickname, which is not a column of the source table");
        ResolvedTable copyOnly = resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "employees"),
                new TransformationRule("5", "r5", TransformationRule.Target.COLUMN, ObjectLocator.table("hr", "employees"),
                        TransformationRule.Action.ADD_COLUMN, "legacy_id", null, null, "$emp_id", null, null, Set.of())).get(0);
        assertThat(copyOnly.loadedColumns()).endsWith(new LoadPlanner.ColumnPair("emp_id", "legacy_id")).hasSize(5);
        assertThatThrownBy(() -> resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "employees"),
                new TransformationRule("5", "r5", TransformationRule.Target.COLUMN, ObjectLocator.table("hr", "employees"),
                        TransformationRule.Action.ADD_COLUMN, "salary", null, null, "$emp_id", null, null, Set.of())))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 5").hasMessageContaining("two target columns named salary");
    }

    @Test
    void definePrimaryKeyUsesTargetColumnNames() {
        ResolvedTable t = resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "audit_log"),
                tr("2", TransformationRule.Target.COLUMN, TransformationRule.Action.RENAME, ObjectLocator.column("hr", "audit_log", "what"), "event", null),
                new TransformationRule("3", "r3", TransformationRule.Target.TABLE, ObjectLocator.table("hr", "audit_log"),
                        TransformationRule.Action.DEFINE_PRIMARY_KEY, null, null, null, null,
                        new TransformationRule.PrimaryKeyDef("pk_audit", "primary-key", List.of("id", "event")), null, Set.of())).get(0);
        assertThat(t.primaryKey()).containsExactly("id", "event");
        assertThatThrownBy(() -> resolve(sel("1", SelectionRule.Action.EXPLICIT, "hr", "audit_log"),
                new TransformationRule("3", "r3", TransformationRule.Target.TABLE, ObjectLocator.table("hr", "audit_log"),
                        TransformationRule.Action.DEFINE_PRIMARY_KEY, null, null, null, null,
                        new TransformationRule.PrimaryKeyDef("pk_audit", null, List.of("what_renamed")), null, Set.of())))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 3").hasMessageContaining("what_renamed");
    }

    @Test
    void missingValuesAreErrorsNamingTheRule() {
        assertThatThrownBy(() -> resolve(tr("12", TransformationRule.Target.TABLE, TransformationRule.Action.RENAME, ObjectLocator.table("hr", "x"), null, null)))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 12").hasMessageContaining("needs a value");
        assertThatThrownBy(() -> resolve(tr("13", TransformationRule.Target.TABLE, TransformationRule.Action.REPLACE_PREFIX, ObjectLocator.table("hr", "x"), "a", null)))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 13").hasMessageContaining("old-value");
    }

    // ---- filters ----

    private static SelectionRule.Filter filter(String column, SelectionRule.Condition... conditions) {
        return new SelectionRule.Filter("source", column, List.of(conditions));
    }

    private static SelectionRule.Condition cond(SelectionRule.Operator op, String value) {
        return new SelectionRule.Condition(op, value, null, null);
    }

    @Test
    void everyFilterOperatorBecomesAParameterisedPredicate() {
        ResolvedTable t = only(resolve(sel("1", SelectionRule.Action.INCLUDE, "sales", "orders",
                filter("status", cond(SelectionRule.Operator.EQ, "paid"), cond(SelectionRule.Operator.NOTEQ, "x'; DROP TABLE t; --")),
                filter("amount", cond(SelectionRule.Operator.STE, "100"), cond(SelectionRule.Operator.LTE, "200"),
                        cond(SelectionRule.Operator.GTE, "500")),
                filter("customer_id", new SelectionRule.Condition(SelectionRule.Operator.BETWEEN, null, "10", "20"),
                        new SelectionRule.Condition(SelectionRule.Operator.NOTBETWEEN, null, "30", "40")),
                filter("created_at", cond(SelectionRule.Operator.NULL, null), cond(SelectionRule.Operator.NOTNULL, null)))), "orders");
        RowFilter f = t.filter();
        assertThat(f.sql(Engine.MYSQL)).isEqualTo("((`status` = ? OR `status` <> ?) AND (`amount` <= ? OR `amount` <= ? OR `amount` >= ?)"
                + " AND (`customer_id` BETWEEN ? AND ? OR `customer_id` NOT BETWEEN ? AND ?)"
                + " AND (`created_at` IS NULL OR `created_at` IS NOT NULL))");
        assertThat(f.sql(Engine.POSTGRESQL)).startsWith("((\"status\" = ?");
        assertThat(f.parameters()).containsExactly("paid", "x'; DROP TABLE t; --", "100", "200", "500", "10", "20", "30", "40");
    }

    @Test
    void severalSelectingRulesUniteTheirRowsAndAnUnfilteredRuleSelectsAll() {
        SelectionRule paid = sel("1", SelectionRule.Action.INCLUDE, "sales", "orders", filter("status", cond(SelectionRule.Operator.EQ, "paid")));
        SelectionRule recent = sel("2", SelectionRule.Action.INCLUDE, "sales", "ord%", filter("order_id", cond(SelectionRule.Operator.GTE, "1000")));
        List<ResolvedTable> r = resolve(paid, recent);
        assertThat(only(r, "orders").filter().sql(Engine.SQLITE)).isEqualTo("((`status` = ?)) OR ((`order_id` >= ?))");
        assertThat(only(r, "orders").filter().parameters()).containsExactly("paid", "1000");
        assertThat(only(r, "order_items").filter().sql(Engine.SQLITE)).isEqualTo("((`order_id` >= ?))");
        SelectionRule everything = sel("3", SelectionRule.Action.INCLUDE, "sales", "%");
        assertThat(only(resolve(paid, recent, everything), "orders").filter()).isNull();
    }

    @Test
    void filterOnAMissingColumnOrWithoutValuesNamesTheRule() {
        assertThatThrownBy(() -> resolve(sel("31", SelectionRule.Action.INCLUDE, "sales", "orders", filter("nope", cond(SelectionRule.Operator.EQ, "1")))))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 31").hasMessageContaining("nope");
        assertThatThrownBy(() -> resolve(sel("32", SelectionRule.Action.INCLUDE, "sales", "orders",
                filter("amount", new SelectionRule.Condition(SelectionRule.Operator.BETWEEN, null, "1", null)))))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 32").hasMessageContaining("end-value");
        assertThatThrownBy(() -> resolve(sel("33", SelectionRule.Action.INCLUDE, "sales", "orders", filter("amount", cond(SelectionRule.Operator.GTE, null)))))
                .isInstanceOf(MappingException.class).hasMessageContaining("rule 33").hasMessageContaining("needs a value");
    }

    // ---- table settings ----

    @Test
    void tableSettingsFirstMatchingRuleIsAttached() {
        TableSettingsRule.ParallelLoad ranges = new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.RANGES,
                List.of("order_id"), List.of(List.of("1000"), List.of("2000")), null, null, null, null);
        TableSettingsRule first = new TableSettingsRule("4", "r4", ObjectLocator.table("sales", "orders"), ranges, null, Set.of());
        TableSettingsRule second = new TableSettingsRule("5", "r5", ObjectLocator.table("sales", "%"),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.NONE, null, null, null, null, null, null), null, Set.of());
        TableMappingResolver resolver = new TableMappingResolver(new TableMappings(List.of(
                sel("1", SelectionRule.Action.INCLUDE, "sales", "order%"), first, second)));
        List<ResolvedTable> r = resolver.resolve(MODEL);
        assertThat(only(r, "orders").settings()).isSameAs(first);
        assertThat(only(r, "order_items").settings()).isSameAs(second);
        assertThat(resolver.tableSettings()).containsExactly(first, second);
    }
}
