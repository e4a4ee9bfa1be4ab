package dev.ferry.converter.report;

import java.util.Locale;

/** Paper size of {@code assessment.pdf}. */
public enum PageSize {
    A4("A4", 210, 297),
    LETTER("letter", 215.9, 279.4);

    private final String css;
    private final double widthMm;
    private final double heightMm;

    PageSize(String css, double widthMm, double heightMm) {
        this.css = css;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    /** The CSS {@code @page size} keyword. */
    public String css() {
        return css;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** Parses {@code a4} or {@code letter} (case-insensitive). */
    public static PageSize parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "a4" -> A4;
            case "letter", "us-letter" -> LETTER;
            default -> throw new IllegalArgumentException("Unknown page size '" + text + "': expected a4 or letter");
        };
    }
}
