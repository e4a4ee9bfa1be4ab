package dev.ferry.app.gui.workbench;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.catalog.EngineCatalogLoading;
import dev.ferry.app.gui.fakes.FakeEndpointTesting;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.MemoryRecentProjects;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.welcome.WelcomeViewModel;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ctrl+6 and Ctrl+7 open the Deploy and the Validation &amp; cutover sections of the real window (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchDeploySectionsTest {

    @TempDir
    static Path dir;

    private ThreadPoolTaskExecutor executor;
    private WelcomeViewModel welcome;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        Path project = dir.resolve("empty.ferry.json");
        ProjectFiles.save(Project.empty("empty"), project);
        MemoryRecentProjects recent = new MemoryRecentProjects();
        recent.entries.add(new RecentProject(project, Instant.now()));
        RecordingDialogs dialogs = new RecordingDialogs();
        welcome = new WelcomeViewModel(recent, executor, dialogs);
        WorkbenchApp.install(stage, welcome, new WorkbenchServices(executor, dialogs, FakeSecretStore::new, k -> null,
                new FakeEndpointTesting(), new EngineCatalogLoading(), new WindowStateStore(dir.resolve("config/window.properties"))));
        stage.show();
        welcome.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        org.testfx.api.FxToolkit.setupFixture(() -> stage.titleProperty().unbind());
    }

    @Test
    void ctrl6OpensDeployAndCtrl7OpensValidationAndCutover(FxRobot robot) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !welcome.recentProjects().isEmpty());
        RecentProject recentProject = welcome.recentProjects().get(0);
        robot.interact(() -> welcome.open(recentProject));
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#workbenchRoot").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#objectsTable").tryQuery()).isPresent();
        assertThat(robot.lookup("#deployNav").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#validationTable").tryQuery()).isPresent();
        assertThat(robot.lookup("#objectsTable").tryQuery()).isEmpty();
        assertThat(robot.lookup("#cutoverNav").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#deployNav");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#objectsTable").tryQuery()).isPresent();
    }
}
