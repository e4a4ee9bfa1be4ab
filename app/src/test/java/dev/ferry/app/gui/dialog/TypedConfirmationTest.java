package dev.ferry.app.gui.dialog;

import dev.ferry.app.gui.WorkbenchApp;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed confirmation (headless Monocle): OK stays disabled until the expected name is typed exactly. */
@ExtendWith(ApplicationExtension.class)
class TypedConfirmationTest {

    private Alert alert;
    private TextField field;
    private Stage owner;

    @Start
    void start(Stage stage) {
        WorkbenchApp.applyTheme();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 640, 400));
        stage.show();
        owner = stage;
    }

    @Test
    void okIsEnabledOnlyForTheExactName(FxRobot robot) {
        robot.interact(() -> {
            alert = new Alert(Alert.AlertType.WARNING);
            alert.initOwner(owner);
            alert.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
            field = FxDialogService.typedConfirmation(alert, "Target preparation drop-and-create will drop 2 tables", "shop");
            alert.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node ok = alert.getDialogPane().lookupButton(ButtonType.OK);
        assertThat(ok.isDisabled()).isTrue();
        robot.interact(() -> field.setText("Shop"));
        assertThat(ok.isDisabled()).as("case matters").isTrue();
        robot.interact(() -> field.setText("sho"));
        assertThat(ok.isDisabled()).isTrue();
        robot.clickOn(field).write("p");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("shop");
        assertThat(ok.isDisabled()).isFalse();
        robot.interact(alert::close);
    }
}
