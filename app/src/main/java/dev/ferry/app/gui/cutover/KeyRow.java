package dev.ferry.app.gui.cutover;

/**
 * A mismatched row's key in the drill-down.
 *
 * @param kind MISSING (on the source, not the target), EXTRA (on the target only) or DIFFERENT (values differ)
 * @param key  {@code col=value[, ...]}
 */
public record KeyRow(String kind, String key) {
}
