package dev.ferry.app.gui.mappings;

import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeCatalogLoading;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.mappings.RuleForm.Field;
import dev.ferry.app.gui.mappings.RuleForm.Kind;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.model.project.DmsTableMappings;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TableMappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule form of the Table mappings section: every rule family, as DMS JSON and in the preview (fakes only). */
class RuleFormViewModelTest {

    final FakeSecretStore store = new FakeSecretStore();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ProjectSession session = new ProjectSession(new Project("shop", List.of(MappingsViewModelTest.PG), null, null, null), null);
    final MappingsViewModel vm = new MappingsViewModel(session, new CurrentThreadTaskExecutor(), new FakeCatalogLoading(),
            new PasswordSource(() -> store, k -> null), dialogs);
    final RuleForm form = vm.form();

    RuleFormViewModelTest() {
        vm.setSourceCatalog(MappingsViewModelTest.catalog());
    }

    private void fill(Kind kind, Object... fieldsAndValues) {
        form.kindProperty().set(kind);
        form.clear();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.property((Field) fieldsAndValues[i]).set((String) fieldsAndValues[i + 1]);
        }
    }

    private String json() {
        return DmsTableMappings.toJson(session.project().tableMappings()).replaceAll("\\s+", "");
    }

    /** The document survives export → import unchanged. */
    private void assertRoundTrips() throws Exception {
        TableMappings doc = session.project().tableMappings();
        assertThat(DmsTableMappings.parse("test.json", DmsTableMappings.toJson(doc))).isEqualTo(doc);
    }

    private void includeAllSales() {
        fill(Kind.INCLUDE, Field.SCHEMA, "sales", Field.TABLE, "%");
        vm.addFromForm();
    }

    @Test
    void selectionWithARowFilter() throws Exception {
        fill(Kind.INCLUDE, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.FILTER_COLUMN, "total",
                Field.FILTER_OPERATOR, "between", Field.FILTER_VALUE, "10", Field.FILTER_END, "99");
        assertThat(form.fields()).contains(Field.FILTER_VALUE, Field.FILTER_END).doesNotContain(Field.COLUMN, Field.VALUE);
        assertThat(form.label(Field.FILTER_VALUE)).isEqualTo("Start value");
        vm.addFromForm();
        fill(Kind.EXCLUDE, Field.SCHEMA, "sales", Field.TABLE, "notes");
        vm.addFromForm();

        assertThat(dialogs.shown).isEmpty();
        assertThat(json()).contains("{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"sales\",\"table-name\":\"orders\"},\"rule-action\":\"include\","
                + "\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"total\",\"filter-conditions\":"
                + "[{\"filter-operator\":\"between\",\"start-value\":\"10\",\"end-value\":\"99\"}]}]}")
                .contains("\"rule-action\":\"exclude\"");
        assertThat(vm.preview()).containsExactly(
                new PreviewRow("sales.orders", "sales.orders", "id, total", "rows where total between 10 and 99"));
        assertThat(MappingsViewModel.describe(vm.rules().get(0))).isEqualTo("include sales.orders where total between 10 and 99");
        assertRoundTrips();
    }

    @Test
    void prefixAndCaseTransformationsAtEachLevel() throws Exception {
        includeAllSales();
        fill(Kind.ADD_PREFIX, Field.TARGET, "table", Field.SCHEMA, "sales", Field.VALUE, "stg_");
        assertThat(form.fields()).contains(Field.TARGET, Field.TABLE, Field.VALUE).doesNotContain(Field.COLUMN);
        assertThat(form.label(Field.VALUE)).isEqualTo("Prefix");
        vm.addFromForm();
        fill(Kind.CONVERT_UPPERCASE, Field.TARGET, "column", Field.SCHEMA, "sales", Field.TABLE, "orders", Field.COLUMN, "total");
        vm.addFromForm();
        fill(Kind.REPLACE_PREFIX, Field.TARGET, "schema", Field.SCHEMA, "sales", Field.OLD_VALUE, "sa", Field.VALUE, "shop_");
        assertThat(form.fields()).doesNotContain(Field.TABLE, Field.COLUMN).contains(Field.OLD_VALUE);
        vm.addFromForm();

        assertThat(dialogs.shown).isEmpty();
        assertThat(json()).contains("\"rule-target\":\"table\",\"object-locator\":{\"schema-name\":\"sales\",\"table-name\":\"%\"},"
                        + "\"rule-action\":\"add-prefix\",\"value\":\"stg_\"")
                .contains("\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"sales\",\"table-name\":\"orders\","
                        + "\"column-name\":\"total\"},\"rule-action\":\"convert-uppercase\"")
                .contains("\"rule-target\":\"schema\",\"object-locator\":{\"schema-name\":\"sales\"},"
                        + "\"rule-action\":\"replace-prefix\",\"value\":\"shop_\",\"old-value\":\"sa\"");
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "shop_les.stg_orders", "id, TOTAL"),
                new PreviewRow("sales.notes", "shop_les.stg_notes", "id"));
        assertRoundTrips();
    }

    @Test
    void addColumnCopyingASourceColumn() throws Exception {
        includeAllSales();
        fill(Kind.ADD_COLUMN, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.VALUE, "total_copy",
                Field.DATA_TYPE, "numeric", Field.PRECISION, "12", Field.SCALE, "2", Field.EXPRESSION, "$total");
        assertThat(form.fields()).contains(Field.EXPRESSION, Field.DATA_TYPE).doesNotContain(Field.TARGET, Field.COLUMN);
        vm.addFromForm();

        assertThat(dialogs.shown).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Added rule 2: add-column column sales.orders → total_copy numeric(12,2) = $total.");
        assertThat(json()).contains("\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"sales\",\"table-name\":\"orders\"},"
                + "\"rule-action\":\"add-column\",\"value\":\"total_copy\",\"data-type\":{\"type\":\"numeric\",\"precision\":12,"
                + "\"scale\":2},\"expression\":\"$total\"");
        assertThat(vm.preview()).containsExactly(
                new PreviewRow("sales.orders", "sales.orders", "id, total, total_copy", "added total_copy numeric(12,2) = $total"),
                new PreviewRow("sales.notes", "sales.notes", "id"));
        assertRoundTrips();
    }

    @Test
    void changeDataTypeAndDefinePrimaryKey() throws Exception {
        includeAllSales();
        fill(Kind.CHANGE_DATA_TYPE, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.COLUMN, "total",
                Field.DATA_TYPE, "string", Field.LENGTH, "30");
        vm.addFromForm();
        fill(Kind.DEFINE_PRIMARY_KEY, Field.SCHEMA, "sales", Field.TABLE, "notes", Field.KEY_NAME, "notes_pk",
                Field.KEY_COLUMNS, "id");
        assertThat(form.fields()).contains(Field.KEY_NAME, Field.KEY_COLUMNS).doesNotContain(Field.TARGET);
        vm.addFromForm();

        assertThat(dialogs.shown).isEmpty();
        assertThat(json()).contains("\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"sales\",\"table-name\":\"orders\","
                        + "\"column-name\":\"total\"},\"rule-action\":\"change-data-type\",\"data-type\":{\"type\":\"string\",\"length\":30}")
                .contains("\"rule-target\":\"table\",\"object-locator\":{\"schema-name\":\"sales\",\"table-name\":\"notes\"},"
                        + "\"rule-action\":\"define-primary-key\",\"primary-key-def\":{\"name\":\"notes_pk\",\"columns\":[\"id\"]}");
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.orders", "id, total", "total string(30)"),
                new PreviewRow("sales.notes", "sales.notes", "id", "key (id)"));
        assertRoundTrips();
    }

    @Test
    void tableSettingsParallelLoadAndLobs() throws Exception {
        includeAllSales();
        fill(Kind.PARALLEL_LOAD, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.PARALLEL_TYPE, "ranges",
                Field.PARALLEL_COLUMNS, "id", Field.BOUNDARIES, "100; 200");
        assertThat(form.fields()).contains(Field.PARALLEL_COLUMNS, Field.BOUNDARIES).doesNotContain(Field.LOB_MODE);
        vm.addFromForm();
        fill(Kind.LOB_SETTINGS, Field.SCHEMA, "sales", Field.TABLE, "notes", Field.LOB_MODE, "limited", Field.BULK_MAX_SIZE, "64");
        vm.addFromForm();
        fill(Kind.PARALLEL_LOAD, Field.PARALLEL_TYPE, "partitions-auto");
        assertThat(form.fields()).doesNotContain(Field.PARALLEL_COLUMNS, Field.BOUNDARIES);
        vm.addFromForm();

        assertThat(dialogs.shown).isEmpty();
        assertThat(json()).contains("{\"rule-type\":\"table-settings\",\"rule-id\":\"2\",\"rule-name\":\"2\",\"object-locator\":"
                        + "{\"schema-name\":\"sales\",\"table-name\":\"orders\"},\"parallel-load\":{\"type\":\"ranges\","
                        + "\"columns\":[\"id\"],\"boundaries\":[[\"100\"],[\"200\"]]}}")
                .contains("\"lob-settings\":{\"mode\":\"limited\",\"bulk-max-size\":64}")
                .contains("\"object-locator\":{\"schema-name\":\"%\",\"table-name\":\"%\"},\"parallel-load\":{\"type\":\"partitions-auto\"}");
        // the first matching table-settings rule applies to a table
        assertThat(vm.preview()).containsExactly(
                new PreviewRow("sales.orders", "sales.orders", "id, total", "parallel-load ranges (id), 3 segments"),
                new PreviewRow("sales.notes", "sales.notes", "id", "lob limited 64 KB"));
        assertRoundTrips();
    }

    @Test
    void invalidFieldsAreRefusedNamingTheFieldAndChangeNothing() {
        includeAllSales();
        fill(Kind.ADD_COLUMN, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.VALUE, "c");
        vm.addFromForm();
        fill(Kind.CHANGE_DATA_TYPE, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.COLUMN, "total",
                Field.DATA_TYPE, "numeric", Field.PRECISION, "twelve");
        vm.addFromForm();
        fill(Kind.ADD_SUFFIX, Field.TARGET, "column", Field.SCHEMA, "sales", Field.TABLE, "orders");
        vm.addFromForm();
        fill(Kind.INCLUDE, Field.SCHEMA, "sales", Field.FILTER_COLUMN, "total");
        vm.addFromForm();
        fill(Kind.PARALLEL_LOAD, Field.PARALLEL_TYPE, "ranges", Field.PARALLEL_COLUMNS, "id", Field.BOUNDARIES, "1, 2");
        vm.addFromForm();
        fill(Kind.LOB_SETTINGS, Field.BULK_MAX_SIZE, "-5");
        vm.addFromForm();
        fill(Kind.DEFINE_PRIMARY_KEY, Field.KEY_NAME, "pk", Field.KEY_COLUMNS, " , ");
        vm.addFromForm();

        assertThat(dialogs.shown).containsExactly(
                "error|Cannot add the rule|Data type: missing.",
                "error|Cannot add the rule|Precision: 'twelve' is not a whole number of 0 or more.",
                "error|Cannot add the rule|Suffix: missing.",
                "error|Cannot add the rule|Operator: missing.",
                "error|Cannot add the rule|Boundaries: '1, 2' has 2 values but there is 1 range column.",
                "error|Cannot add the rule|Bulk max size (KB): '-5' is not a whole number of 0 or more.",
                "error|Cannot add the rule|Key columns: missing.");
        assertThat(vm.rules()).hasSize(1);
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.orders", "id, total"),
                new PreviewRow("sales.notes", "sales.notes", "id"));
    }

    @Test
    void editInPlaceIsOneUndoableCommandKeepingIdNameAndUnshownParts() throws Exception {
        includeAllSales();
        fill(Kind.RENAME, Field.TARGET, "column", Field.SCHEMA, "sales", Field.TABLE, "orders", Field.COLUMN, "total",
                Field.VALUE, "amount");
        vm.addFromForm();
        assertThat(vm.preview()).first().isEqualTo(new PreviewRow("sales.orders", "sales.orders", "id, amount"));

        assertThat(vm.loadIntoForm(1)).isTrue();
        assertThat(form.kindProperty().get()).isEqualTo(Kind.RENAME);
        assertThat(form.property(Field.TARGET).get()).isEqualTo("column");
        assertThat(form.property(Field.VALUE).get()).isEqualTo("amount");
        form.kindProperty().set(Kind.ADD_SUFFIX);
        form.property(Field.VALUE).set("_eur");
        vm.updateFromForm(1);

        assertThat(vm.rules()).extracting(r -> r.ruleId()).containsExactly("1", "2");
        assertThat(json()).contains("\"rule-id\":\"2\",\"rule-name\":\"2\",\"rule-target\":\"column\",\"object-locator\":"
                + "{\"schema-name\":\"sales\",\"table-name\":\"orders\",\"column-name\":\"total\"},\"rule-action\":\"add-suffix\","
                + "\"value\":\"_eur\"").doesNotContain("amount");
        assertThat(vm.preview()).first().isEqualTo(new PreviewRow("sales.orders", "sales.orders", "id, total_eur"));
        assertThat(vm.statusProperty().get()).isEqualTo("Updated rule 2.");

        vm.undo();
        assertThat(vm.preview()).first().isEqualTo(new PreviewRow("sales.orders", "sales.orders", "id, amount"));
        assertThat(vm.rules()).hasSize(2);
        vm.redo();
        assertThat(vm.preview()).first().isEqualTo(new PreviewRow("sales.orders", "sales.orders", "id, total_eur"));

        // an invalid edit is refused and changes nothing
        form.property(Field.VALUE).set("");
        vm.updateFromForm(1);
        assertThat(dialogs.shown).containsExactly("error|Cannot update rule 2|Suffix: missing.");
        assertThat(json()).contains("\"value\":\"_eur\"");
    }

    @Test
    void editingKeepsWhatTheFormDoesNotShow() throws Exception {
        String doc = """
                {"rules": [
                  {"rule-type": "selection", "rule-id": "7", "rule-name": "orders-big", "object-locator":
                     {"schema-name": "sales", "table-name": "orders", "table-type": "table"}, "rule-action": "include",
                     "load-order": "3", "filters": [
                       {"filter-type": "source", "column-name": "total", "filter-conditions": [
                          {"filter-operator": "gte", "value": "100"}, {"filter-operator": "null"}]},
                       {"filter-type": "source", "column-name": "id", "filter-conditions": [{"filter-operator": "noteq", "value": "0"}]}]},
                  {"rule-type": "table-settings", "rule-id": "8", "rule-name": "ts", "object-locator":
                     {"schema-name": "sales", "table-name": "orders"}, "parallel-load": {"type": "partitions-auto"},
                     "lob-settings": {"mode": "limited", "bulk-max-size": "16"}},
                  {"rule-type": "selection", "rule-id": "9", "rule-name": "x", "object-locator":
                     {"schema-name": "sales", "table-name": "notes"}, "rule-action": "explicit"}
                ]}""";
        session.update(p -> p.withTableMappings(parseUnchecked(doc)));

        assertThat(vm.loadIntoForm(0)).isTrue();
        assertThat(form.property(Field.FILTER_OPERATOR).get()).isEqualTo("gte");
        form.property(Field.FILTER_VALUE).set("500");
        vm.updateFromForm(0);
        assertThat(vm.loadIntoForm(1)).isTrue();
        assertThat(form.kindProperty().get()).isEqualTo(Kind.PARALLEL_LOAD);
        form.property(Field.PARALLEL_TYPE).set("none");
        vm.updateFromForm(1);

        String expected = doc.replace("\"value\": \"100\"", "\"value\": \"500\"").replace("partitions-auto", "none");
        assertThat(json()).isEqualTo(DmsTableMappings.toJson(parseUnchecked(expected)).replaceAll("\\s+", ""));
        assertThat(json()).contains("\"load-order\":\"3\"").contains("\"table-type\":\"table\"")
                .contains("\"bulk-max-size\":\"16\"");

        assertThat(vm.loadIntoForm(2)).isFalse();
        assertThat(vm.statusProperty().get())
                .isEqualTo("Rule 9 is an explicit selection: the form cannot edit it; edit it in the exported JSON.");
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void loadOrderOnSelectionRulesIsValidatedEditableAndUndoable() throws Exception {
        fill(Kind.INCLUDE, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.LOAD_ORDER, "5");
        assertThat(form.fields()).contains(Field.LOAD_ORDER);
        assertThat(form.label(Field.LOAD_ORDER)).isEqualTo("Load order");
        vm.addFromForm();
        assertThat(json()).contains("\"rule-action\":\"include\",\"load-order\":5");
        assertThat(MappingsViewModel.describe(vm.rules().get(0))).isEqualTo("include sales.orders (load-order 5)");

        fill(Kind.EXCLUDE, Field.SCHEMA, "sales", Field.TABLE, "notes", Field.LOAD_ORDER, "-1");
        vm.addFromForm();
        fill(Kind.EXCLUDE, Field.SCHEMA, "sales", Field.TABLE, "notes", Field.LOAD_ORDER, "first");
        vm.addFromForm();
        fill(Kind.EXCLUDE, Field.SCHEMA, "sales", Field.TABLE, "notes", Field.LOAD_ORDER, "2147483648");
        vm.addFromForm();
        assertThat(dialogs.shown).containsExactly(
                "error|Cannot add the rule|Load order: '-1' is not a whole number of 0 or more.",
                "error|Cannot add the rule|Load order: 'first' is not a whole number of 0 or more.",
                "error|Cannot add the rule|Load order: 2147483648 is more than the largest allowed, 2147483647.");
        assertThat(vm.rules()).hasSize(1);

        assertThat(vm.loadIntoForm(0)).isTrue();
        assertThat(form.property(Field.LOAD_ORDER).get()).isEqualTo("5");
        form.property(Field.LOAD_ORDER).set("9");
        vm.updateFromForm(0);
        assertThat(json()).contains("\"load-order\":9");
        vm.undo();
        assertThat(json()).contains("\"load-order\":5");
        vm.redo();
        assertThat(vm.loadIntoForm(0)).isTrue();
        form.property(Field.LOAD_ORDER).set("");
        vm.updateFromForm(0);
        assertThat(json()).as("emptied: the key is removed").doesNotContain("load-order");
        vm.undo();
        assertThat(json()).contains("\"load-order\":9");
        assertRoundTrips();
    }

    @Test
    void aQuotedLoadOrderKeepsItsSpellingWhileItsValueIsUnchanged() throws Exception {
        session.update(p -> p.withTableMappings(parseUnchecked("""
                {"rules": [{"rule-type": "selection", "rule-id": "1", "rule-name": "1", "object-locator":
                   {"schema-name": "sales", "table-name": "orders"}, "rule-action": "include", "load-order": "3"}]}""")));
        assertThat(vm.loadIntoForm(0)).isTrue();
        form.property(Field.TABLE).set("notes");
        vm.updateFromForm(0);
        assertThat(json()).contains("\"table-name\":\"notes\"").contains("\"load-order\":\"3\"");
        assertThat(vm.loadIntoForm(0)).isTrue();
        form.property(Field.LOAD_ORDER).set("4");
        vm.updateFromForm(0);
        assertThat(json()).contains("\"load-order\":4");
    }

    @Test
    void partitionsListParallelLoadWithPartitionsAndSubpartitions() throws Exception {
        includeAllSales();
        fill(Kind.PARALLEL_LOAD, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.PARALLEL_TYPE, "partitions-list");
        assertThat(form.fields()).contains(Field.PARTITIONS, Field.SUBPARTITIONS).doesNotContain(Field.PARALLEL_COLUMNS);
        vm.addFromForm();
        fill(Kind.PARALLEL_LOAD, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.PARALLEL_TYPE, "partitions-list",
                Field.PARTITIONS, "p2024, , p2025");
        vm.addFromForm();
        fill(Kind.PARALLEL_LOAD, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.PARALLEL_TYPE, "partitions-list",
                Field.PARTITIONS, "p2024, p2024");
        vm.addFromForm();
        assertThat(dialogs.shown).containsExactly("error|Cannot add the rule|Partitions: missing.",
                "error|Cannot add the rule|Partitions: 'p2024, , p2025' has an empty name.",
                "error|Cannot add the rule|Partitions: 'p2024, p2024' names a partition twice.");
        assertThat(vm.rules()).hasSize(1);

        fill(Kind.PARALLEL_LOAD, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.PARALLEL_TYPE, "partitions-list",
                Field.PARTITIONS, "p2024, p2025", Field.SUBPARTITIONS, "east");
        vm.addFromForm();
        assertThat(json()).contains("\"parallel-load\":{\"type\":\"partitions-list\",\"partitions\":[\"p2024\",\"p2025\"],"
                + "\"subpartitions\":[\"east\"]}");
        assertThat(MappingsViewModel.describe(vm.rules().get(1)))
                .isEqualTo("sales.orders parallel-load partitions-list partitions p2024, p2025 subpartitions east");
        assertRoundTrips();

        // edited in place (no longer refused), undoable; subpartitions are optional
        assertThat(vm.loadIntoForm(1)).isTrue();
        assertThat(form.property(Field.PARALLEL_TYPE).get()).isEqualTo("partitions-list");
        assertThat(form.property(Field.PARTITIONS).get()).isEqualTo("p2024, p2025");
        assertThat(form.property(Field.SUBPARTITIONS).get()).isEqualTo("east");
        form.property(Field.PARTITIONS).set("p2026");
        form.property(Field.SUBPARTITIONS).set("");
        vm.updateFromForm(1);
        assertThat(json()).contains("\"parallel-load\":{\"type\":\"partitions-list\",\"partitions\":[\"p2026\"]}");
        vm.undo();
        assertThat(json()).contains("\"partitions\":[\"p2024\",\"p2025\"],\"subpartitions\":[\"east\"]");
        assertRoundTrips();
    }

    @Test
    void formRulesRoundTripThroughExportAndImport(@TempDir Path dir) throws Exception {
        includeAllSales();
        fill(Kind.REPLACE_SUFFIX, Field.TARGET, "table", Field.SCHEMA, "sales", Field.OLD_VALUE, "s", Field.VALUE, "_t");
        vm.addFromForm();
        fill(Kind.REMOVE_COLUMN, Field.SCHEMA, "sales", Field.TABLE, "orders", Field.COLUMN, "total");
        vm.addFromForm();
        fill(Kind.CONVERT_LOWERCASE, Field.TARGET, "schema", Field.SCHEMA, "%");
        vm.addFromForm();
        fill(Kind.LOB_SETTINGS, Field.LOB_MODE, "unlimited");
        vm.addFromForm();
        assertThat(dialogs.shown).isEmpty();
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.order_t", "id", "lob unlimited"),
                new PreviewRow("sales.notes", "sales.note_t", "id", "lob unlimited"));

        TableMappings exported = session.project().tableMappings();
        dialogs.chosenFile = dir.resolve("form.json");
        vm.exportJson();
        ProjectSession other = new ProjectSession(Project.empty("other"), null);
        MappingsViewModel fresh = new MappingsViewModel(other, new CurrentThreadTaskExecutor(), new FakeCatalogLoading(),
                new PasswordSource(() -> store, k -> null), dialogs);
        fresh.importJson();
        assertThat(other.project().tableMappings()).isEqualTo(exported);
        assertThat(DmsTableMappings.toJson(other.project().tableMappings())).isEqualTo(Files.readString(dialogs.chosenFile));
    }

    private static TableMappings parseUnchecked(String json) {
        try {
            return DmsTableMappings.parse("doc.json", json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
