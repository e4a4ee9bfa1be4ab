package dev.ferry.converter.archfixture;

/** A stand-in converter class for ArchitectureTest's meta-tests. */
public class ConverterThing {
    public String name() {
        return "converter";
    }
}
