package dev.ferry.converter.render;

/**
 * Where an object was defined in the source: file, 1-based line/column and the statement text.
 * {@link #NONE} when unknown (e.g. objects read from a live catalog).
 */
public record SourceRef(String file, int line, int column, String text) {
    public static final SourceRef NONE = new SourceRef(null, 0, 0, null);
}
