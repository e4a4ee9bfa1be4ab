package dev.ferry.app.gui;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads a view's FXML with the view itself as controller: {@code Foo.fxml} next to {@code FooView} in its package.
 *
 * <p>Threading: call on the JavaFX thread (or before the toolkit shows the node), like any scene-graph construction.
 */
public final class Fxml {

    private Fxml() {
    }

    /**
     * @param owner      the view class; the file is resolved next to it
     * @param file       the FXML file's name, e.g. {@code "Tasks.fxml"}
     * @param controller the object whose {@code @FXML} fields and methods the file binds
     * @return the file's root node
     * @throws UncheckedIOException naming the file when it is missing or malformed (a packaging or programming error)
     */
    public static <T> T load(Class<?> owner, String file, Object controller) {
        URL url = owner.getResource(file);
        if (url == null) {
            throw new UncheckedIOException(new IOException("cannot find " + file + " next to " + owner.getName()));
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file, e);
        }
    }
}
