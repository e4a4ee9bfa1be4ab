package dev.ferry.app.gui.mappings;

import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeCatalogLoading;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.model.project.Project;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;


import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the Table mappings section (headless Monocle): typing a rename rule, or a prefix rule through the rule form,
 * changes the preview; a selected rule is edited in place; Undo restores it.
 */
@ExtendWith(ApplicationExtension.class)
class MappingsViewTest {

    private final FakeCatalogLoading loading = new FakeCatalogLoading();
    private final FakeSecretStore store = new FakeSecretStore();
    private ProjectSession session;

    @Start
    void start(Stage stage) {
        WorkbenchApp.applyTheme();
        session = new ProjectSession(new Project("shop", List.of(MappingsViewModelTest.PG), null, null, null), null);
        store.secrets.put("ferry/shop/warehouse", "pw");
        loading.model = MappingsViewModelTest.catalog();
        MappingsViewModel vm = new MappingsViewModel(session, new CurrentThreadTaskExecutor(), loading,
                new PasswordSource(() -> store, k -> null), new RecordingDialogs());
        stage.setScene(new Scene(MappingsView.create(vm).root(), 1000, 640));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    @Test
    void editingAMappingChangesThePreview(FxRobot robot) {
        robot.clickOn("#readSourceButton");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<PreviewRow> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        assertThat(preview.getItems()).isEmpty();
        assertThat(loading.loaded).hasSize(1);

        robot.clickOn("#schemaField").write("sales");
        robot.clickOn("#tableField").write("orders");
        robot.clickOn("#includeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).containsExactly(new PreviewRow("sales.orders", "sales.orders", "id, total"));

        robot.clickOn("#newNameField").write("purchase");
        robot.clickOn("#renameButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).containsExactly(new PreviewRow("sales.orders", "sales.purchase", "id, total"));
        assertThat(robot.lookup("sales.purchase").tryQuery()).isPresent();
        TableView<?> rules = robot.lookup("#rulesTable").queryAs(TableView.class);
        assertThat(rules.getItems()).hasSize(2);
        assertThat(session.isDirty()).isTrue();
        dev.ferry.app.gui.fakes.Screenshots.write(rules.getScene(), Path.of("target", "screenshots", "mappings.png"));

        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).containsExactly(new PreviewRow("sales.orders", "sales.orders", "id, total"));
        assertThat(robot.lookup("#redoButton").queryAs(Button.class).isDisabled()).isFalse();

        robot.interact(() -> rules.getSelectionModel().select(0));
        robot.clickOn("#removeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rules.getItems()).isEmpty();
        assertThat(preview.getItems()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aPrefixRuleFromTheFormChangesThePreviewAndIsEditedInPlace(FxRobot robot) {
        robot.clickOn("#readSourceButton");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<PreviewRow> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        TableView<?> rules = robot.lookup("#rulesTable").queryAs(TableView.class);
        robot.clickOn("#schemaField").write("sales");
        robot.clickOn("#includeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).extracting(PreviewRow::target).containsExactly("sales.orders", "sales.notes");

        ComboBox<RuleForm.Kind> kind = robot.lookup("#kindBox").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue(RuleForm.Kind.ADD_PREFIX));
        assertThat(robot.lookup("#newNameField").queryAs(TextField.class).isVisible()).isTrue();
        assertThat(robot.lookup("#columnField").queryAs(TextField.class).getParent().isVisible()).isFalse();
        assertThat(robot.lookup("#dataTypeBox").queryAs(ComboBox.class).getParent().isVisible()).isFalse();
        assertThat(robot.lookup("Prefix").tryQuery()).isPresent();
        robot.clickOn("#newNameField").write("stg_");
        robot.clickOn("#addButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).extracting(PreviewRow::target).containsExactly("sales.stg_orders", "sales.stg_notes");
        assertThat(robot.lookup("add-prefix table sales.% → stg_").tryQuery()).isPresent();

        // select the rule: the form shows it; change it to convert-uppercase and update it in place
        robot.interact(() -> rules.getSelectionModel().select(1));
        assertThat(kind.getValue()).isEqualTo(RuleForm.Kind.ADD_PREFIX);
        robot.interact(() -> kind.setValue(RuleForm.Kind.CONVERT_UPPERCASE));
        assertThat(robot.lookup("#newNameField").queryAs(TextField.class).getParent().isVisible()).isFalse();
        robot.clickOn("#updateButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).extracting(PreviewRow::target).containsExactly("sales.ORDERS", "sales.NOTES");
        assertThat(rules.getItems()).hasSize(2);
        assertThat(session.project().tableMappings().rules().get(1).ruleId()).isEqualTo("2");
        dev.ferry.app.gui.fakes.Screenshots.write(rules.getScene(), Path.of("target", "screenshots", "mappings-form.png"));

        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).extracting(PreviewRow::target).containsExactly("sales.stg_orders", "sales.stg_notes");
    }

}
