package dev.ferry.app.gui.fakes;

import dev.ferry.app.gui.dialog.DialogService;

import java.util.ArrayList;
import java.util.List;

/** Records dialogs instead of showing them; {@link #confirmAnswer} answers confirmations. */
public final class RecordingDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();
    public boolean confirmAnswer = true;

    @Override
    public void showError(String title, String message) {
        shown.add("error|" + title + "|" + message);
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
}
