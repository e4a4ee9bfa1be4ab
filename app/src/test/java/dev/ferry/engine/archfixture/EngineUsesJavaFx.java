package dev.ferry.engine.archfixture;

import javafx.scene.Node;

/** Deliberately violates the layering (engine code touching JavaFX); used only by ArchitectureTest's meta-tests. */
public class EngineUsesJavaFx {
    public String describe(Node node) {
        return node.getId();
    }
}
