package dev.ferry.app.gui.workbench;

import dev.ferry.app.gui.fakes.FakeCatalogLoading;
import dev.ferry.app.gui.fakes.FakeEndpointTesting;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbenchViewModelTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final FakeSecretStore store = new FakeSecretStore();

    private WorkbenchViewModel open(Path file) throws Exception {
        WorkbenchServices services = new WorkbenchServices(new CurrentThreadTaskExecutor(), dialogs, () -> store, k -> null,
                new FakeEndpointTesting(), new FakeCatalogLoading(), new WindowStateStore(dir.resolve("config/window.properties")));
        return services.createViewModel(ProjectFiles.load(file), file);
    }

    @Test
    void savingWritesTheProjectAndClearsTheUnsavedFlag() throws Exception {
        Path file = dir.resolve("shop.ferry.json");
        ProjectFiles.save(Project.empty("shop"), file);
        WorkbenchViewModel vm = open(file);
        assertThat(vm.titleProperty().get()).isEqualTo("Ferry - shop  [" + file + "]");
        assertThat(vm.sectionProperty().get()).isEqualTo(WorkbenchViewModel.Section.ENDPOINTS);
        vm.endpoints().add();
        vm.endpoints().pasteUrl("postgresql://app:T0p-Secret@db.example/sales");
        vm.endpoints().save();
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).startsWith("Ferry - shop *");
        vm.save();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Saved " + file + ".");
        String json = Files.readString(file);
        assertThat(json).contains("\"sales\"").contains("ferry/shop/sales").doesNotContain("T0p-Secret");
        assertThat(ProjectFiles.load(file).endpoint("sales").orElseThrow().host()).isEqualTo("db.example");
        assertThat(store.secrets).containsEntry("ferry/shop/sales", "T0p-Secret");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left behind")
                    .containsExactly("shop.ferry.json");
        }
    }

    @Test
    void aFailedSaveKeepsTheFlagAndShowsTheError() throws Exception {
        Path file = dir.resolve("shop.ferry.json");
        ProjectFiles.save(Project.empty("shop"), file);
        WorkbenchViewModel vm = open(file);
        vm.session().update(p -> p.withEndpoint(new EndpointConfig("x", Engine.POSTGRESQL, "h", null, "d", "u", null, null,
                TlsMode.DISABLE, Map.of(), null, null)));
        Files.delete(file);
        Files.createDirectory(file); // the file's place is taken by a directory
        vm.save();
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(dialogs.shown).singleElement().asString().startsWith("error|Cannot save the project|");
    }

    @Test
    void theWindowLayoutIsRememberedBetweenRuns() throws Exception {
        Path file = dir.resolve("shop.ferry.json");
        ProjectFiles.save(Project.empty("shop"), file);
        WorkbenchViewModel vm = open(file);
        WindowState[] loaded = new WindowState[1];
        vm.loadWindowState(s -> loaded[0] = s);
        assertThat(loaded[0]).isEqualTo(WindowState.DEFAULT);
        vm.saveWindowState(new WindowState(10, 20, 1000, 700, false, Map.of("endpoints", 0.25)).withDivider("catalog", 0.4));
        WorkbenchViewModel again = open(file);
        again.loadWindowState(s -> loaded[0] = s);
        assertThat(loaded[0]).isEqualTo(new WindowState(10, 20, 1000, 700, false, Map.of("endpoints", 0.25, "catalog", 0.4)));
    }

    @Test
    void aDamagedLayoutFileFallsBackToDefaults() throws Exception {
        Path props = dir.resolve("window.properties");
        Files.writeString(props, "width=abc\nheight=10\ndivider.endpoints=7\ndivider.catalog=0.5\nx=5\ny=6\n");
        WindowState s = new WindowStateStore(props).load();
        assertThat(s.width()).isEqualTo(WindowState.DEFAULT.width());
        assertThat(s.height()).isEqualTo(WindowState.DEFAULT.height());
        assertThat(s.dividers()).isEqualTo(Map.of("catalog", 0.5));
        assertThat(s.x()).isEqualTo(5);
    }
}
