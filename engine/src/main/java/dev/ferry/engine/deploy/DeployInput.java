package dev.ferry.engine.deploy;

import dev.ferry.model.schema.Engine;

import java.nio.file.Path;
import java.util.List;

/**
 * An assessment folder read for deploying.
 *
 * @param folder       the folder
 * @param targetEngine the engine the objects were converted for
 * @param targetSchema the schema the objects were converted into, or {@code null}
 * @param objects      every object, in deploy order (the order of {@code converted/deploy-order.txt}; objects without
 *                     converted SQL follow the converted ones of their phase)
 */
public record DeployInput(Path folder, Engine targetEngine, String targetSchema, List<DeployObject> objects) {
    public DeployInput {
        objects = List.copyOf(objects);
    }
}
