package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeEvent;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small hand-written parser for the fixed statement shapes LogMiner writes into {@code V$LOGMNR_CONTENTS.SQL_REDO}
 * (the engine does not depend on the schema converter's Oracle grammar):
 * <pre>
 * insert into "S"."T"("C1","C2",...) values ('v1',NULL,TO_DATE('...', 'fmt'),HEXTORAW('0aff'),...);
 * update "S"."T" set "C1" = 'v', "C2" = NULL where "C1" = 'old' and "C2" IS NULL and ROWID = 'AAAS...';
 * delete from "S"."T" where "C1" = 'v' and "C2" IS NULL and ROWID = 'AAAS...';
 * </pre>
 * Keywords are case-insensitive; identifiers are double-quoted (or plain, then upper-cased); the trailing semicolon
 * and the ROWID condition are optional. Literals: quoted strings ({@code ''} escapes a quote), unquoted numbers,
 * {@code NULL}, {@code TO_DATE(s, fmt)}, {@code TO_TIMESTAMP(s[, fmt])}, {@code TO_TIMESTAMP_TZ(s[, fmt])},
 * {@code HEXTORAW(s)}, {@code EMPTY_CLOB()}, {@code EMPTY_BLOB()}, {@code UNISTR(s)}. Without a format,
 * {@code TO_TIMESTAMP} / {@code TO_TIMESTAMP_TZ} use the session formats the source sets before mining
 * ({@link #NLS_TIMESTAMP_FORMAT}, {@link #NLS_TIMESTAMP_TZ_FORMAT}).
 *
 * <p>Anything else is refused with a {@link RedoParseException} that names the column of the statement and quotes
 * the text there. Stateless and thread-safe.
 */
public final class RedoSqlParser {

    /** The session's {@code NLS_DATE_FORMAT} while mining. */
    public static final String NLS_DATE_FORMAT = "YYYY-MM-DD HH24:MI:SS";
    /** The session's {@code NLS_TIMESTAMP_FORMAT} while mining. */
    public static final String NLS_TIMESTAMP_FORMAT = "YYYY-MM-DD HH24:MI:SS.FF";
    /** The session's {@code NLS_TIMESTAMP_TZ_FORMAT} while mining. */
    public static final String NLS_TIMESTAMP_TZ_FORMAT = "YYYY-MM-DD HH24:MI:SS.FF TZH:TZM";

    /** A statement that does not have one of the known shapes. */
    public static final class RedoParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedoParseException(String message) {
            super(message);
        }
    }

    /** Parses one complete {@code SQL_REDO} text (continuation rows, {@code CSF = 1}, already concatenated). */
    public RedoStatement parse(String sql) {
        return new Cursor(sql).statement();
    }

    /** Parser state over one statement. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            if (s == null) {
                throw new RedoParseException("SQL_REDO is null");
            }
            this.s = s;
        }

        RedoStatement statement() {
            ws();
            String verb = word();
            RedoStatement r = switch (verb.toLowerCase(Locale.ROOT)) {
                case "insert" -> insert();
                case "update" -> update();
                case "delete" -> delete();
                default -> throw error("expected insert, update or delete");
            };
            ws();
            if (i < s.length() && s.charAt(i) == ';') {
                i++;
            }
            ws();
            if (i < s.length()) {
                throw error("unexpected text after the statement");
            }
            return r;
        }

        private RedoStatement insert() {
            keyword("into");
            String[] name = qualifiedName();
            ws();
            expect('(');
            java.util.List<String> columns = new java.util.ArrayList<>();
            do {
                columns.add(identifier());
                ws();
            } while (accept(','));
            expect(')');
            keyword("values");
            ws();
            expect('(');
            Map<String, Object> values = new LinkedHashMap<>();
            int n = 0;
            do {
                if (n >= columns.size()) {
                    throw error("more values than the " + columns.size() + " columns");
                }
                values.put(columns.get(n++), literal());
                ws();
            } while (accept(','));
            expect(')');
            if (n != columns.size()) {
                throw error(columns.size() + " columns but " + n + " values");
            }
            return new RedoStatement(ChangeEvent.Operation.INSERT, name[0], name[1], values, Map.of(), null);
        }

        private RedoStatement update() {
            String[] name = qualifiedName();
            keyword("set");
            Map<String, Object> set = new LinkedHashMap<>();
            do {
                String c = identifier();
                ws();
                expect('=');
                set.put(c, literal());
                ws();
            } while (accept(','));
            Map<String, Object> where = new LinkedHashMap<>();
            String rowId = where(where);
            return new RedoStatement(ChangeEvent.Operation.UPDATE, name[0], name[1], set, where, rowId);
        }

        private RedoStatement delete() {
            keyword("from");
            String[] name = qualifiedName();
            Map<String, Object> where = new LinkedHashMap<>();
            String rowId = where(where);
            return new RedoStatement(ChangeEvent.Operation.DELETE, name[0], name[1], Map.of(), where, rowId);
        }

        /** {@code where c = v and c IS NULL and ROWID = '...'}; optional as a whole. Returns the ROWID or null. */
        private String where(Map<String, Object> into) {
            ws();
            if (i >= s.length() || s.charAt(i) == ';') {
                return null;
            }
            keyword("where");
            String rowId = null;
            do {
                ws();
                boolean quoted = peek() == '"';
                String c = identifier();
                ws();
                if (!quoted && c.equals("ROWID")) {
                    expect('=');
                    Object v = literal();
                    if (!(v instanceof String r)) {
                        throw error("ROWID must be a quoted literal");
                    }
                    rowId = r;
                } else if (peek() == '=') {
                    i++;
                    into.put(c, literal());
                } else {
                    keyword("is");
                    keyword("null");
                    into.put(c, null);
                }
                ws();
            } while (acceptWord("and"));
            return rowId;
        }

        private String[] qualifiedName() {
            ws();
            String first = identifier();
            if (peek() == '.') {
                i++;
                return new String[]{first, identifier()};
            }
            return new String[]{null, first};
        }

        private String identifier() {
            ws();
            if (peek() == '"') {
                int start = ++i;
                StringBuilder sb = new StringBuilder();
                while (true) {
                    if (i >= s.length()) {
                        i = start - 1;
                        throw error("unterminated quoted identifier");
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (peek() == '"') {
                            sb.append('"');
                            i++;
                            continue;
                        }
                        return sb.toString();
                    }
                    sb.append(c);
                }
            }
            String w = word();
            if (w.isEmpty()) {
                throw error("expected an identifier");
            }
            return w.toUpperCase(Locale.ROOT);
        }

        private Object literal() {
            ws();
            char c = peek();
            if (c == '\'') {
                return string();
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                int start = i;
                i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || "eE.+-".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                try {
                    return new BigDecimal(s.substring(start, i));
                } catch (NumberFormatException e) {
                    i = start;
                    throw error("not a number");
                }
            }
            int start = i;
            String w = word().toUpperCase(Locale.ROOT);
            switch (w) {
                case "NULL":
                    return null;
                case "TO_DATE": {
                    String[] a = arguments(1, 2, start);
                    return dateTime(a[0], a.length > 1 ? a[1] : NLS_DATE_FORMAT, start);
                }
                case "TO_TIMESTAMP": {
                    String[] a = arguments(1, 2, start);
                    return dateTime(a[0], a.length > 1 ? a[1] : NLS_TIMESTAMP_FORMAT, start);
                }
                case "TO_TIMESTAMP_TZ": {
                    String[] a = arguments(1, 2, start);
                    return offsetDateTime(a[0], a.length > 1 ? a[1] : NLS_TIMESTAMP_TZ_FORMAT, start);
                }
                case "HEXTORAW": {
                    String hex = arguments(1, 1, start)[0];
                    if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
                        i = start;
                        throw error("HEXTORAW needs an even number of hex digits");
                    }
                    byte[] b = new byte[hex.length() / 2];
                    for (int k = 0; k < b.length; k++) {
                        b[k] = (byte) Integer.parseInt(hex.substring(2 * k, 2 * k + 2), 16);
                    }
                    return b;
                }
                case "EMPTY_CLOB":
                    arguments(0, 0, start);
                    return "";
                case "EMPTY_BLOB":
                    arguments(0, 0, start);
                    return new byte[0];
                case "UNISTR":
                    return unistr(arguments(1, 1, start)[0], start);
                default:
                    i = start;
                    throw error("unsupported literal");
            }
        }

        /** {@code (’a’, ’b’)}: string arguments only, between {@code min} and {@code max} of them. */
        private String[] arguments(int min, int max, int at) {
            ws();
            expect('(');
            java.util.List<String> a = new java.util.ArrayList<>();
            ws();
            if (peek() != ')') {
                do {
                    ws();
                    if (peek() != '\'') {
                        throw error("expected a quoted argument");
                    }
                    a.add(string());
                    ws();
                } while (accept(','));
            }
            expect(')');
            if (a.size() < min || a.size() > max) {
                i = at;
                throw error("wrong number of arguments (" + a.size() + ")");
            }
            return a.toArray(new String[0]);
        }

        private String string() {
            int start = i;
            i++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    i = start;
                    throw error("unterminated string literal");
                }
                char c = s.charAt(i++);
                if (c == '\'') {
                    if (peek() == '\'') {
                        sb.append('\'');
                        i++;
                        continue;
                    }
                    return sb.toString();
                }
                sb.append(c);
            }
        }

        private Object dateTime(String text, String format, int at) {
            try {
                return LocalDateTime.parse(text.trim(), formatter(format));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                i = at;
                throw error("cannot read '" + text + "' with format '" + format + "'");
            }
        }

        private Object offsetDateTime(String text, String format, int at) {
            try {
                return OffsetDateTime.parse(text.trim(), formatter(format));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                i = at;
                throw error("cannot read '" + text + "' with format '" + format + "'");
            }
        }

        private String unistr(String text, int at) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c != '\\') {
                    sb.append(c);
                } else if (k + 1 < text.length() && text.charAt(k + 1) == '\\') {
                    sb.append('\\');
                    k++;
                } else if (k + 4 < text.length() && text.substring(k + 1, k + 5).matches("[0-9A-Fa-f]{4}")) {
                    sb.append((char) Integer.parseInt(text.substring(k + 1, k + 5), 16));
                    k += 4;
                } else {
                    i = at;
                    throw error("bad UNISTR escape");
                }
            }
            return sb.toString();
        }

        // ---------------------------------------------------------------- lexing

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private String word() {
            ws();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$'
                    || s.charAt(i) == '#')) {
                i++;
            }
            return s.substring(start, i);
        }

        private void keyword(String k) {
            ws();
            int start = i;
            if (!word().equalsIgnoreCase(k)) {
                i = start;
                throw error("expected " + k);
            }
        }

        private boolean acceptWord(String k) {
            int start = i;
            if (word().equalsIgnoreCase(k)) {
                return true;
            }
            i = start;
            return false;
        }

        private void expect(char c) {
            ws();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private boolean accept(char c) {
            ws();
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        private RedoParseException error(String what) {
            int from = Math.min(i, s.length());
            String near = s.substring(from, Math.min(s.length(), from + 30));
            return new RedoParseException("SQL_REDO column " + (from + 1) + ": " + what
                    + (near.isEmpty() ? " (at the end)" : " near '" + near + "'") + " in: " + abbreviate(s));
        }

        private static String abbreviate(String s) {
            return s.length() <= 200 ? s : s.substring(0, 200) + "…";
        }
    }

    /**
     * An Oracle datetime format ({@code YYYY-MM-DD HH24:MI:SS.FF}, {@code dd-mon-yyyy hh24:mi:ss}, ...) as a
     * {@link DateTimeFormatter}. Supports YYYY, RRRR, MM, MON, MONTH, DD, HH24, HH/HH12 with AM/PM, MI, SS,
     * FF / FF1–FF9, TZH:TZM, TZR and literal punctuation.
     */
    static DateTimeFormatter formatter(String oracle) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        String f = oracle.toUpperCase(Locale.ROOT);
        int k = 0;
        while (k < f.length()) {
            if (f.startsWith("YYYY", k) || f.startsWith("RRRR", k)) {
                b.appendValue(ChronoField.YEAR, 4);
                k += 4;
            } else if (f.startsWith("MONTH", k)) {
                b.appendPattern("MMMM");
                k += 5;
            } else if (f.startsWith("MON", k)) {
                b.appendPattern("MMM");
                k += 3;
            } else if (f.startsWith("MM", k)) {
                b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
                k += 2;
            } else if (f.startsWith("MI", k)) {
                b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                k += 2;
            } else if (f.startsWith("DD", k)) {
                b.appendValue(ChronoField.DAY_OF_MONTH, 2);
                k += 2;
            } else if (f.startsWith("HH24", k)) {
                b.appendValue(ChronoField.HOUR_OF_DAY, 2);
                k += 4;
            } else if (f.startsWith("HH12", k) || f.startsWith("HH", k)) {
                b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
                k += f.startsWith("HH12", k) ? 4 : 2;
            } else if (f.startsWith("AM", k) || f.startsWith("PM", k)) {
                b.appendText(ChronoField.AMPM_OF_DAY);
                k += 2;
            } else if (f.startsWith("SS", k)) {
                b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                k += 2;
            } else if (f.startsWith(".FF", k) || f.startsWith("FF", k)) {
                boolean point = f.charAt(k) == '.';
                k += point ? 3 : 2;
                if (k < f.length() && Character.isDigit(f.charAt(k))) {
                    k++;
                }
                b.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, point); // "05" and "05.123" both read
            } else if (f.startsWith("TZH:TZM", k)) {
                b.appendOffset("+HH:MM", "+00:00");
                k += 7;
            } else if (f.startsWith("TZR", k)) {
                b.appendOffset("+HH:MM", "+00:00");
                k += 3;
            } else if (Character.isLetter(f.charAt(k))) {
                throw new IllegalArgumentException("unsupported format element at " + oracle.substring(k));
            } else {
                b.appendLiteral(f.charAt(k));
                k++;
            }
        }
        if (!f.contains("HH")) {
            b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
        }
        for (String t : new String[]{"MI", "SS"}) {
            if (!f.contains(t)) {
                b.parseDefaulting(t.equals("MI") ? ChronoField.MINUTE_OF_HOUR : ChronoField.SECOND_OF_MINUTE, 0);
            }
        }
        return b.toFormatter(Locale.ENGLISH);
    }
}
