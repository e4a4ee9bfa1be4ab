package dev.ferry.app.gui.dialog;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.function.Supplier;

/** {@link DialogService} with JavaFX {@link Alert}s owned by the main window. Call on the JavaFX application thread. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        return alert(Alert.AlertType.CONFIRMATION, title, question).showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message);
        a.setTitle(title);
        a.setHeaderText(title);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        return a;
    }
}
