package dev.ferry.app.gui.workbench;

import java.util.Map;
import java.util.TreeMap;

/**
 * The workbench window's remembered geometry and split-pane divider positions. Immutable.
 *
 * @param x         window x, or NaN when unknown
 * @param y         window y, or NaN when unknown
 * @param width     window width
 * @param height    window height
 * @param maximized whether the window was maximized
 * @param dividers  divider positions (0..1) by split-pane id
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, Map<String, Double> dividers) {

    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1200, 760, false, Map.of());

    public WindowState {
        dividers = dividers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(dividers));
    }

    public WindowState withDivider(String id, double position) {
        Map<String, Double> d = new TreeMap<>(dividers);
        d.put(id, position);
        return new WindowState(x, y, width, height, maximized, d);
    }

    public WindowState withBounds(double nx, double ny, double w, double h, boolean max) {
        return new WindowState(nx, ny, w, h, max, dividers);
    }
}
