package dev.ferry.app.gui.welcome;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WelcomeViewModelTest {

    @TempDir
    Path dir;

    private final FakeRecentProjectsStore store = new FakeRecentProjectsStore();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final WelcomeViewModel vm = new WelcomeViewModel(store, executor, dialogs);

    @Test
    void showsProductNameAndVersion() {
        assertThat(vm.titleProperty().get()).isEqualTo("Ferry");
        assertThat(vm.versionProperty().get()).startsWith("Version ").doesNotContain("${");
    }

    @Test
    void refreshListsTheStoredRecentProjects() {
        RecentProject a = new RecentProject(Path.of("/p/a.ferry.json"), Instant.parse("2026-11-20T10:00:00Z"));
        RecentProject b = new RecentProject(Path.of("/p/b.ferry.json"), Instant.parse("2026-11-19T10:00:00Z"));
        store.entries.add(a);
        store.entries.add(b);
        vm.refresh();
        assertThat(vm.recentProjects()).containsExactly(a, b);
        assertThat(vm.emptyStateVisibleProperty().get()).isFalse();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(executor.submittedCount()).isEqualTo(1);
    }

    @Test
    void noRecentProjectsShowsTheEmptyState() {
        vm.refresh();
        assertThat(vm.recentProjects()).isEmpty();
        assertThat(vm.emptyStateVisibleProperty().get()).isTrue();
        assertThat(vm.emptyText()).startsWith("No recent projects yet.");
    }

    @Test
    void anUnreadableStoreIsReportedInTheStatusLine() {
        store.failure = new IOException("/home/u/.config/ferry/recent-projects.json: not a valid recent-projects file: expected a JSON array");
        vm.refresh();
        assertThat(vm.recentProjects()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Could not read the recent projects: "
                + "/home/u/.config/ferry/recent-projects.json: not a valid recent-projects file: expected a JSON array");
    }

    @Test
    void openingAValidProjectPublishesItAndMovesItToTheFront() throws IOException {
        Path file = dir.resolve("hr.ferry.json");
        ProjectFiles.save(Project.empty("hr"), file);
        vm.open(new RecentProject(file, Instant.EPOCH));
        assertThat(vm.openedProjectProperty().get()).isEqualTo(Project.empty("hr"));
        assertThat(vm.statusProperty().get()).isEqualTo("Opened project 'hr': 0 endpoints, 0 tasks");
        assertThat(store.touched).containsExactly(file);
        assertThat(vm.recentProjects()).extracting(RecentProject::path).containsExactly(file);
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void openingAnInvalidProjectShowsTheLoadersError() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"formatVersion\": 1, \"name\": \"x\", \"colour\": \"red\"}");
        vm.open(new RecentProject(file, Instant.EPOCH));
        assertThat(vm.openedProjectProperty().get()).isNull();
        assertThat(dialogs.shown).containsExactly("error|Cannot open project|bad.json: $.colour (line 1, column 35): unknown field; "
                + "expected one of: formatVersion, name, endpoints, tableMappings, typeMappings, tasks");
        assertThat(store.touched).isEmpty();
    }

    @Test
    void aMissingProjectCanBeRemovedFromTheList() {
        Path gone = dir.resolve("gone.ferry.json");
        store.entries.add(new RecentProject(gone, Instant.EPOCH));
        vm.refresh();
        dialogs.confirmAnswer = true;
        vm.open(vm.recentProjects().get(0));
        assertThat(dialogs.shown).containsExactly("confirm|Project not found|" + gone + " no longer exists. Remove it from the recent projects?");
        assertThat(store.removed).containsExactly(gone);
        assertThat(vm.recentProjects()).isEmpty();
        assertThat(vm.emptyStateVisibleProperty().get()).isTrue();
    }

    @Test
    void aMissingProjectStaysWhenTheUserDeclines() {
        Path gone = dir.resolve("gone.ferry.json");
        store.entries.add(new RecentProject(gone, Instant.EPOCH));
        vm.refresh();
        dialogs.confirmAnswer = false;
        vm.open(vm.recentProjects().get(0));
        assertThat(store.removed).isEmpty();
        assertThat(vm.recentProjects()).hasSize(1);
    }

    @Test
    void startingTheDemoOpensItsProjectAndRemembersIt() throws IOException {
        Path file = dir.resolve("demo.ferry.json");
        ProjectFiles.save(Project.empty("Ferry demo"), file);
        int[] starts = {0};
        WelcomeViewModel withDemo = new WelcomeViewModel(store, executor, dialogs, () -> {
            starts[0]++;
            return file;
        });
        withDemo.startDemo();
        assertThat(starts[0]).isEqualTo(1);
        assertThat(withDemo.openedProjectProperty().get().name()).isEqualTo("Ferry demo");
        assertThat(withDemo.statusProperty().get()).isEqualTo("Demo ready: project 'Ferry demo' with 0 endpoints and 0 tasks.");
        assertThat(withDemo.demoStartingProperty().get()).isFalse();
        assertThat(store.touched).containsExactly(file);
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void aDemoThatCannotStartShowsAnErrorDialogAndCanBeRetried() {
        WelcomeViewModel withDemo = new WelcomeViewModel(store, executor, dialogs, () -> {
            throw new IOException("could not start embedded PostgreSQL: port in use");
        });
        withDemo.startDemo();
        assertThat(withDemo.openedProjectProperty().get()).isNull();
        assertThat(withDemo.demoStartingProperty().get()).isFalse();
        assertThat(dialogs.shown).hasSize(1);
        assertThat(dialogs.shown.get(0)).contains("Cannot start the demo").contains("port in use");
    }
}
