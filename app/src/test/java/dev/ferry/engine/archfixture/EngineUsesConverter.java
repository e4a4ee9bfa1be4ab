package dev.ferry.engine.archfixture;

import dev.ferry.converter.archfixture.ConverterThing;

/** Deliberately violates the layering (engine depending on the converter); used only by ArchitectureTest. */
public class EngineUsesConverter {
    public String convert() {
        return new ConverterThing().name();
    }
}
