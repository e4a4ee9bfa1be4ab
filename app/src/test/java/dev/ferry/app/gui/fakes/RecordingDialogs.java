package dev.ferry.app.gui.fakes;

import dev.ferry.app.gui.dialog.DialogService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records dialogs instead of showing them; {@link #confirmAnswer} answers confirmations. */
public final class RecordingDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();
    public boolean confirmAnswer = true;
    /** The file the next file chooser answers with, or {@code null} for "cancelled". */
    public Path chosenFile;

    @Override
    public void showError(String title, String message) {
        shown.add("error|" + title + "|" + message);
    }

    /** Causes passed with errors, in order. */
    public final List<Throwable> causes = new ArrayList<>();

    @Override
    public void showError(String title, String message, Throwable cause) {
        causes.add(cause);
        showError(title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add("info|" + title + "|" + message);
    }

    @Override
    public boolean confirm(String title, String question) {
        shown.add("confirm|" + title + "|" + question);
        return confirmAnswer;
    }

    /** What the user types into a typed confirmation; {@code null}: the expected text when {@link #confirmAnswer}. */
    public String typedAnswer;

    @Override
    public boolean confirmByTyping(String title, String question, String expected) {
        shown.add("typed|" + title + "|" + question + "|" + expected);
        String typed = typedAnswer != null ? typedAnswer : confirmAnswer ? expected : "";
        return typed.equals(expected);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String extension) {
        shown.add("open|" + title);
        return Optional.ofNullable(chosenFile);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String extension, String suggestedName) {
        shown.add("save|" + title);
        return Optional.ofNullable(chosenFile);
    }
}
