package dev.ferry.app.gui.mappings;

import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeCatalogLoading;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MappingsViewModelTest {

    static final EndpointConfig PG = new EndpointConfig("warehouse", Engine.POSTGRESQL, "localhost", 5432, "wh", "app",
            "ferry/shop/warehouse", null, TlsMode.DISABLE, Map.of(), null, null);

    final FakeSecretStore store = new FakeSecretStore();
    final FakeCatalogLoading loading = new FakeCatalogLoading();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ProjectSession session = new ProjectSession(new Project("shop", List.of(PG), null, null, null), null);

    MappingsViewModel vm() {
        return new MappingsViewModel(session, new CurrentThreadTaskExecutor(), loading,
                new PasswordSource(() -> store, k -> null), dialogs);
    }

    static DatabaseModel catalog() {
        Table orders = new Table("sales", "orders", Table.Kind.REGULAR, List.of(Column.of("id", 1, DataType.of("integer"), false),
                Column.of("total", 2, DataType.of("numeric"), true)), KeyConstraint.of("orders_pkey", List.of("id")),
                List.of(), List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
        Table notes = new Table("sales", "notes", Table.Kind.REGULAR, List.of(Column.of("id", 1, DataType.of("integer"), false)),
                null, List.of(), List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
        Schema sales = new Schema("sales", List.of(orders, notes), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        return new DatabaseModel(Engine.POSTGRESQL, "16.4", "wh", Instant.EPOCH, List.of(sales));
    }

    @Test
    void renameRuleChangesThePreviewAndUndoRedoRestoreIt() {
        MappingsViewModel vm = vm();
        vm.setSourceCatalog(catalog());
        assertThat(vm.preview()).isEmpty();
        assertThat(vm.previewMessageProperty().get()).isEqualTo("No table of the catalog is selected by the rules.");

        vm.addInclude("sales", "orders");
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.orders", "id, total"));
        assertThat(session.isDirty()).isTrue();

        vm.addRenameTable("sales", "orders", "purchase");
        vm.addRenameColumn("sales", "orders", "total", "amount");
        assertThat(vm.rules()).extracting(r -> r.ruleId()).containsExactly("1", "2", "3");
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.purchase", "id, amount"));
        assertThat(session.project().tableMappings().rules()).hasSize(3);

        vm.undo();
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.purchase", "id, total"));
        vm.undo();
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.orders", "id, total"));
        assertThat(vm.canRedoProperty().get()).isTrue();
        vm.redo();
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.orders", "sales.purchase", "id, total"));
        assertThat(vm.rules()).hasSize(2);

        // a new edit after undo drops the redo history
        vm.undo();
        vm.addInclude("sales", "notes");
        assertThat(vm.canRedoProperty().get()).isFalse();
        assertThat(vm.preview()).extracting(PreviewRow::source).containsExactly("sales.orders", "sales.notes");
    }

    @Test
    void ferrysOwnTablesAreNotPreviewedAsSelected() {
        Table capture = new Table("main", "ferry_capture", Table.Kind.REGULAR, List.of(Column.of("seq", 1, DataType.of("integer"), false)),
                null, List.of(), List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
        Table orders = new Table("main", "orders", Table.Kind.REGULAR, List.of(Column.of("id", 1, DataType.of("integer"), false)),
                null, List.of(), List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
        Schema main = new Schema("main", List.of(capture, orders), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        MappingsViewModel vm = vm();
        vm.setSourceCatalog(new DatabaseModel(Engine.SQLITE, "3.46", "store.db", Instant.EPOCH, List.of(main)));
        vm.addInclude("%", "%");

        assertThat(vm.preview()).extracting(PreviewRow::source).containsExactly("main.orders");
        assertThat(vm.previewMessageProperty().get()).isEqualTo("1 table selected.");
    }

    @Test
    void removeAndReorderAreUndoable() {
        MappingsViewModel vm = vm();
        vm.setSourceCatalog(catalog());
        vm.addInclude("sales", "%");
        vm.addRenameTable("sales", "notes", "memo");
        vm.addRenameTable("sales", "notes", "remark");
        // transformations apply in numeric rule-id order, so the later rule (3) wins
        assertThat(vm.preview()).extracting(PreviewRow::target).containsExactly("sales.orders", "sales.remark");
        assertThat(vm.move(2, -1)).isEqualTo(1);
        assertThat(vm.rules()).extracting(r -> r.ruleId()).containsExactly("1", "3", "2");
        assertThat(vm.move(0, -1)).isZero();
        vm.remove(1);
        assertThat(vm.preview()).extracting(PreviewRow::target).containsExactly("sales.orders", "sales.memo");
        vm.undo();
        vm.undo();
        assertThat(vm.rules()).extracting(r -> r.ruleId()).containsExactly("1", "2", "3");
    }

    @Test
    void badRulesAndDuplicateIdsAreReportedNotDropped() {
        MappingsViewModel vm = vm();
        vm.setSourceCatalog(catalog());
        vm.addRenameTable("sales", "orders", " ");
        assertThat(dialogs.shown).containsExactly("error|Cannot add the rule|The new table name is empty.");
        assertThat(vm.rules()).isEmpty();
        vm.addInclude("sales", "orders");
        vm.add(dev.ferry.model.project.SelectionRule.include("1", "sales", "notes"));
        assertThat(dialogs.shown).last().isEqualTo("error|Cannot add the rule|rule-id 1 is already used.");
        assertThat(vm.rules()).hasSize(1);
    }

    @Test
    void exportThenImportRoundTripsTheDocument(@TempDir Path dir) throws Exception {
        MappingsViewModel vm = vm();
        vm.addInclude("sales", "%");
        vm.addRenameTable("sales", "orders", "purchase");
        vm.addRenameColumn("sales", "orders", "total", "amount");
        TableMappings exported = session.project().tableMappings();
        dialogs.chosenFile = dir.resolve("mappings.json");
        vm.exportJson();
        assertThat(Files.readString(dialogs.chosenFile)).contains("\"rule-action\" : \"rename\"").contains("\"value\" : \"purchase\"");

        ProjectSession other = new ProjectSession(Project.empty("other"), null);
        MappingsViewModel fresh = new MappingsViewModel(other, new CurrentThreadTaskExecutor(), loading,
                new PasswordSource(() -> store, k -> null), dialogs);
        fresh.importJson();
        assertThat(other.project().tableMappings()).isEqualTo(exported);
        assertThat(fresh.statusProperty().get()).isEqualTo("Imported 3 rules from mappings.json.");
        fresh.undo();
        assertThat(other.project().tableMappings().rules()).isEmpty();
    }

    @Test
    void importOfABrokenFileNamesTheFile(@TempDir Path dir) throws Exception {
        MappingsViewModel vm = vm();
        dialogs.chosenFile = dir.resolve("broken.json");
        Files.writeString(dialogs.chosenFile, "{\"rules\": [ {\"rule-type\": \"selection\"");
        vm.importJson();
        assertThat(dialogs.shown).last().asString().startsWith("error|Cannot import broken.json|").contains("broken.json");
        assertThat(vm.rules()).isEmpty();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void readsTheSourceCatalogInTheBackground() {
        store.secrets.put("ferry/shop/warehouse", "pw");
        loading.model = catalog();
        MappingsViewModel vm = vm();
        vm.addInclude("sales", "notes");
        assertThat(vm.selectedEndpointProperty().get()).isEqualTo("warehouse");
        vm.readSourceCatalog();
        assertThat(loading.loaded).containsExactly(PG);
        assertThat(vm.preview()).containsExactly(new PreviewRow("sales.notes", "sales.notes", "id"));
        assertThat(vm.readingProperty().get()).isFalse();
    }

    @Test
    void aPreviewRowsTooltipHoldsEveryColumnTheGridCuts() {
        assertThat(MappingsView.previewTooltip(new PreviewRow("main.customers", "main.clients",
                "customer_id, first_name, last_name, email, phone, created_at", "status string(20)")))
                .isEqualTo("main.customers → main.clients\nColumns: customer_id, first_name, last_name, email, phone, created_at"
                        + "\nstatus string(20)");
        assertThat(MappingsView.previewTooltip(new PreviewRow("sales.notes", "sales.notes", "id")))
                .isEqualTo("sales.notes → sales.notes\nColumns: id");
    }
}
