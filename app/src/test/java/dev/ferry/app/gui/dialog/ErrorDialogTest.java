package dev.ferry.app.gui.dialog;

import dev.ferry.app.gui.WorkbenchApp;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error dialog (headless Monocle): the message first, the cause chain in the expandable details (redacted), and a
 * Copy button that puts both on the clipboard without closing the dialog.
 */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {

    private Alert alert;
    private Stage owner;

    @Start
    void start(Stage stage) {
        WorkbenchApp.applyTheme();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 640, 400));
        stage.show();
        owner = stage;
    }

    @Test
    void detailsAreRedactedAndCopyKeepsTheDialogOpen(FxRobot robot) {
        Exception cause = new IllegalStateException("deploy of table hr.regions failed",
                new SQLException("connection to jdbc:postgresql://db:5432/hr?password=Secret123 refused"));
        String details = ErrorDetails.of(cause);
        assertThat(details).startsWith("java.lang.IllegalStateException: deploy of table hr.regions failed")
                .contains("Caused by: java.sql.SQLException: connection to jdbc:postgresql://db:5432/hr")
                .contains("\tat dev.ferry.app.gui.dialog.ErrorDialogTest")
                .doesNotContain("Secret123");
        assertThat(ErrorDetails.of(null)).isEmpty();

        robot.interact(() -> {
            alert = new Alert(Alert.AlertType.ERROR, "The deploy failed: table hr.regions");
            alert.initOwner(owner);
            FxDialogService.withDetails(alert, "Deploy failed", "The deploy failed: table hr.regions", details,
                    Clipboard.getSystemClipboard());
            alert.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextArea area = (TextArea) alert.getDialogPane().getExpandableContent();
        assertThat(area.getText()).isEqualTo(details);
        assertThat(area.isEditable()).isFalse();
        Button copy = (Button) alert.getDialogPane().lookupButton(FxDialogService.COPY);
        robot.interact(copy::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(alert.isShowing()).as("Copy does not close the dialog").isTrue();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).startsWith("Deploy failed\nThe deploy failed: table hr.regions\n\njava.lang.IllegalStateException")
                .doesNotContain("Secret123");
        robot.interact(alert::close);
    }
}
