package dev.ferry.app.gui.welcome;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Opens the welcome page in a real (headless Monocle) window. */
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {

    private final FakeRecentProjectsStore store = new FakeRecentProjectsStore();

    @Start
    void start(Stage stage) {
        WorkbenchApp.applyTheme();
        store.entries.add(new RecentProject(Path.of("/work/projects/hr.ferry.json"), Instant.parse("2026-11-20T10:00:00Z")));
        WelcomeViewModel vm = new WelcomeViewModel(store, new CurrentThreadTaskExecutor(), new RecordingDialogService());
        WelcomeView view = WelcomeView.create(vm);
        stage.setTitle("Ferry");
        stage.setScene(new Scene(view.root(), 800, 600));
        stage.show();
        vm.refresh();
    }

    @Test
    void showsTitleVersionAndRecentProjects(FxRobot robot) {
        Label title = robot.lookup("#titleLabel").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("Ferry");
        assertThat(title.getStyleClass()).contains("title-1");
        assertThat(robot.lookup("#versionLabel").queryAs(Label.class).getText()).startsWith("Version ");
        ListView<?> list = robot.lookup("#recentList").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(1);
        assertThat(list.isVisible()).isTrue();
        assertThat(robot.lookup("#emptyLabel").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#openHint").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("hr.ferry.json").tryQuery()).isPresent();
        assertThat(((Stage) title.getScene().getWindow()).getTitle()).isEqualTo("Ferry");
    }
}
