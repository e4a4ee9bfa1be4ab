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
    public void showError(String title, String message, Throwable cause) {
        Alert a = alert(Alert.AlertType.ERROR, title, message);
        withDetails(a, title, message, ErrorDetails.of(cause), javafx.scene.input.Clipboard.getSystemClipboard());
        a.showAndWait();
    }

    /** The copy button's type (its label). */
    static final ButtonType COPY = new ButtonType("Copy", javafx.scene.control.ButtonBar.ButtonData.LEFT);

    /**
     * Adds the expandable details area and a Copy button (which does not close the dialog) to an error alert.
     * Package-private for the dialog test.
     */
    static void withDetails(Alert a, String title, String message, String details, javafx.scene.input.Clipboard clipboard) {
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(details);
        area.setId("errorDetails");
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(14);
        area.setMaxWidth(Double.MAX_VALUE);
        area.setMaxHeight(Double.MAX_VALUE);
        a.getDialogPane().setExpandableContent(area);
        a.getButtonTypes().add(COPY);
        javafx.scene.Node copy = a.getDialogPane().lookupButton(COPY);
        copy.setId("copyErrorButton");
        copy.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(title + "\n" + message + (details.isEmpty() ? "" : "\n\n" + details));
            clipboard.setContent(c);
            e.consume(); // keep the dialog open
        });
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
    public boolean confirmByTyping(String title, String question, String expected) {
        Alert a = alert(Alert.AlertType.WARNING, title, null);
        a.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        typedConfirmation(a, question, expected);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /**
     * Puts the question and a text field into {@code a}; OK stays disabled until the field holds exactly
     * {@code expected}. Package-private for the dialog test.
     */
    static javafx.scene.control.TextField typedConfirmation(Alert a, String question, String expected) {
        javafx.scene.control.Label text = new javafx.scene.control.Label(question + "\n\nType " + expected + " to confirm:");
        text.setWrapText(true);
        text.setMaxWidth(520);
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setId("typedConfirmation");
        field.setPromptText(expected);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, text, field);
        a.getDialogPane().setContent(box);
        javafx.scene.Node ok = a.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(field.textProperty().isNotEqualTo(expected));
        a.setOnShown(e -> field.requestFocus());
        return field;
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
