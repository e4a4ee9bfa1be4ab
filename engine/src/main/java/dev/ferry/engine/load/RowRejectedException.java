package dev.ferry.engine.load;

/** A value that cannot be converted for the target; the row goes to {@code ferry_exceptions}. Not thread-bound. */
public final class RowRejectedException extends Exception {
    private final String column;
    private final String valueExcerpt;

    public RowRejectedException(String column, Object value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.valueExcerpt = excerpt(value);
    }

    public String column() {
        return column;
    }

    public String valueExcerpt() {
        return valueExcerpt;
    }

    /** The first 200 characters of a value's text (bytes as hex); NUL characters shown as {@code \0}. */
    public static String excerpt(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof byte[] ? Hex.of((byte[]) value) : String.valueOf(value);
        s = s.replace("\0", "\\0");
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
