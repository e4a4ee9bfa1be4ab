package dev.ferry.model.project;

/**
 * An integer in a DMS table-mapping document. AWS DMS accepts both {@code 16} and {@code "16"}; the spelling is kept so
 * an imported mapping exports unchanged.
 *
 * @param value  the value
 * @param quoted whether the document wrote it as a string
 */
public record DmsInteger(long value, boolean quoted) {

    public static DmsInteger of(long value) {
        return new DmsInteger(value, false);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
