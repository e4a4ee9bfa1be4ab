package dev.ferry.app.gui.dialog;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

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

    @Override
    public Optional<Path> chooseFileToOpen(String title, String extension) {
        return Optional.ofNullable(chooser(title, extension).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String extension, String suggestedName) {
        FileChooser c = chooser(title, extension);
        c.setInitialFileName(suggestedName);
        return Optional.ofNullable(c.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, String extension) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT) + " files",
                "*." + extension), new FileChooser.ExtensionFilter("All files", "*"));
        return c;
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
