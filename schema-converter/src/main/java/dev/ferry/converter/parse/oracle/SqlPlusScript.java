package dev.ferry.converter.parse.oracle;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SQL*Plus script into the SQL and PL/SQL statements it would send to the database, the way SQL*Plus reads it:
 * SQL statements end at a {@code ;} outside strings and comments (or a {@code /} line); PL/SQL units (anonymous blocks and
 * {@code CREATE [OR REPLACE] PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE|LIBRARY|JAVA}) end at a line holding only {@code /}.
 * SQL*Plus commands (PROMPT, SET, REM, DEFINE, UNDEFINE, ACCEPT, COLUMN, WHENEVER, EXIT, SPOOL, CONNECT, SHOW, ...) are
 * skipped and returned; {@code DEFINE}/{@code ACCEPT}/{@code COLUMN ... NEW_VALUE} variables are substituted for
 * {@code &var}/{@code &&var} (unless {@code SET DEFINE OFF}); {@code @file}, {@code @@file} and {@code START file}
 * are expanded inline, relative to the including file, with cycle detection.
 *
 * <p>Every statement keeps, for each of its code points, the line and column it came from in its original file, so
 * parser positions map back exactly (substituted values map to the position of their {@code &}). Lines and columns are
 * 1-based. Problems (undefined variables, missing or cyclic includes) are collected, never thrown, so that one bad
 * line does not hide the rest of the script.
 *
 * <p>Threading: instances are immutable results; {@link #read} and {@link #parse} are stateless and thread-safe.
 */
public final class SqlPlusScript {

    /** One statement as it will be parsed; {@code text} is after substitution, without the SQL terminator. */
    public record Statement(Path file, String text, boolean plsql, int[] lines, int[] columns) {
        /** Line (1-based) in {@link #file()} where the statement starts. */
        public int line() {
            return lines.length == 0 ? 0 : lines[0];
        }

        /** Column (1-based) in {@link #file()} where the statement starts. */
        public int column() {
            return columns.length == 0 ? 0 : columns[0];
        }

        /** Line in the original file of the code point at {@code index} of {@link #text()} (clamped to the end). */
        public int lineAt(int index) {
            return lines.length == 0 ? 0 : lines[Math.max(0, Math.min(index, lines.length - 1))];
        }

        /** Column in the original file of the code point at {@code index}; past the end it is one after the last. */
        public int columnAt(int index) {
            if (columns.length == 0) {
                return 0;
            }
            if (index >= columns.length) {
                return columns[columns.length - 1] + 1;
            }
            return columns[Math.max(0, index)];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Statement s && s.file.equals(file) && s.text.equals(text) && s.plsql == plsql
                    && Arrays.equals(s.lines, lines) && Arrays.equals(s.columns, columns);
        }

        @Override
        public int hashCode() {
            return Objects.hash(file, text, plsql, Arrays.hashCode(lines));
        }

        @Override
        public String toString() {
            return file.getFileName() + ":" + line() + ":" + column() + ": " + text;
        }
    }

    /** A SQL*Plus command that was not sent to the database (CONNECT arguments are not kept). */
    public record SkippedCommand(Path file, int line, String command) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line() + ": " + command;
        }
    }

    /** A problem in the script itself, rendered as {@code file:line:column: message}. */
    public record Problem(Path file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final List<Statement> statements;
    private final List<SkippedCommand> skipped;
    private final List<Problem> problems;

    private SqlPlusScript(List<Statement> statements, List<SkippedCommand> skipped, List<Problem> problems) {
        this.statements = List.copyOf(statements);
        this.skipped = List.copyOf(skipped);
        this.problems = List.copyOf(problems);
    }

    public List<Statement> statements() {
        return statements;
    }

    public List<SkippedCommand> skippedCommands() {
        return skipped;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Reads and splits a script file (UTF-8, falling back to ISO-8859-1), expanding includes relative to it. */
    public static SqlPlusScript read(Path file) throws IOException {
        return read(file, Map.of());
    }

    /** As {@link #read(Path)}, with variables predefined (e.g. script arguments {@code "1"}, {@code "2"}). */
    public static SqlPlusScript read(Path file, Map<String, String> defines) throws IOException {
        Splitter s = new Splitter(defines);
        s.run(file.normalize(), readText(file), new ArrayDeque<>());
        return new SqlPlusScript(s.statements, s.skipped, s.problems);
    }

    /** Splits script text that claims to come from {@code file} (includes are resolved relative to it). */
    public static SqlPlusScript parse(String text, Path file, Map<String, String> defines) {
        Splitter s = new Splitter(defines);
        s.run(file.normalize(), text, new ArrayDeque<>());
        return new SqlPlusScript(s.statements, s.skipped, s.problems);
    }

    static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException | java.nio.charset.UnmappableCharacterException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = " " + text.substring(1); // keep columns stable
        }
        return text;
    }

    // ============================================================================================ implementation

    /** SQL*Plus commands recognised at the start of a line: name and the shortest abbreviation SQL*Plus accepts. */
    private static final Map<String, Integer> COMMANDS = new LinkedHashMap<>();

    static {
        String[][] table = {
            {"REMARK", "3"}, {"PROMPT", "3"}, {"SET", "3"}, {"DEFINE", "3"}, {"UNDEFINE", "5"}, {"ACCEPT", "3"},
            {"COLUMN", "3"}, {"WHENEVER", "8"}, {"EXIT", "4"}, {"QUIT", "4"}, {"SPOOL", "3"}, {"CONNECT", "4"},
            {"DISCONNECT", "4"}, {"SHOW", "3"}, {"PAUSE", "3"}, {"HOST", "3"}, {"VARIABLE", "3"}, {"PRINT", "3"},
            {"TTITLE", "3"}, {"BTITLE", "3"}, {"BREAK", "3"}, {"COMPUTE", "4"}, {"CLEAR", "2"}, {"TIMING", "3"},
            {"DESCRIBE", "4"}, {"PASSWORD", "4"}, {"REPHEADER", "5"}, {"REPFOOTER", "5"}, {"STORE", "3"},
            {"STARTUP", "7"}, {"SHUTDOWN", "8"}, {"ATTRIBUTE", "4"}, {"EXECUTE", "4"}, {"START", "3"},
            {"ARCHIVE", "7"}, {"RECOVER", "7"}, {"COPY", "4"}, {"HELP", "4"},
        };
        for (String[] row : table) {
            COMMANDS.put(row[0], Integer.parseInt(row[1]));
        }
    }

    private static final Pattern BLOCK_START = Pattern.compile(
            "(?is)^((DECLARE|BEGIN)\\b|<<|CREATE\\s+(OR\\s+REPLACE\\s+)?((NON)?EDITIONABLE\\s+)?"
                    + "(PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE|LIBRARY|JAVA)\\b).*");
    private static final Pattern DEFINE_ASSIGN = Pattern.compile("(?is)^\\s*([A-Za-z0-9_$#]+)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern NEW_VALUE = Pattern.compile("(?i)\\bNEW_V(?:ALUE)?\\s+([A-Za-z0-9_$#]+)");
    private static final Pattern ACCEPT_DEFAULT = Pattern.compile("(?i)\\bDEF(?:AULT)?\\s+('([^']*)'|\"([^\"]*)\"|(\\S+))");

    private static final class Splitter {
        final List<Statement> statements = new ArrayList<>();
        final List<SkippedCommand> skipped = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Map<String, String> vars = new LinkedHashMap<>();
        boolean defineOn = true;
        char defineChar = '&';

        Splitter(Map<String, String> defines) {
            defines.forEach((k, v) -> vars.put(k.toUpperCase(Locale.ROOT), v));
        }

        // current statement being built
        Path stmtFile;
        boolean stmtPlsql;
        StringBuilder text;
        int[] lines = new int[256];
        int[] cols = new int[256];
        int count;

        void run(Path file, String content, Deque<Path> stack) {
            stack.push(file.toAbsolutePath().normalize());
            String[] fileLines = content.split("\r\n|\r|\n", -1);
            boolean inStatement = false;
            // lexical state carried across lines inside a statement
            Lex lex = new Lex();
            for (int i = 0; i < fileLines.length; i++) {
                int lineNo = i + 1;
                String raw = fileLines[i];
                int start = 0;
                while (true) {
                    if (!inStatement) {
                        // skip leading blanks and whole comments between statements
                        start = skipBlank(raw, start);
                        if (lex.inBlockComment) {
                            int end = raw.indexOf("*/", start);
                            if (end < 0) {
                                break;
                            }
                            lex.inBlockComment = false;
                            start = end + 2;
                            continue;
                        }
                        if (start >= raw.length()) {
                            break;
                        }
                        String rest = raw.substring(start);
                        if (rest.startsWith("--")) {
                            break;
                        }
                        if (rest.startsWith("/*")) {
                            lex.inBlockComment = true;
                            start += 2;
                            continue;
                        }
                        if (rest.trim().equals("/") || rest.trim().equals(".")) {
                            break; // re-run / end of buffer with nothing pending
                        }
                        // a SQL*Plus command? (continuation lines ending with '-' are joined)
                        int consumed = tryCommand(file, fileLines, i, start, stack);
                        if (consumed >= 0) {
                            i += consumed;
                            break;
                        }
                        // start a statement
                        inStatement = true;
                        stmtFile = file;
                        stmtPlsql = BLOCK_START.matcher(lookahead(fileLines, i, start)).matches();
                        text = new StringBuilder();
                        count = 0;
                        lex = new Lex();
                    }
                    // inside a statement
                    String trimmed = raw.trim();
                    if (start == 0 && trimmed.equals("/") && !lex.inString() && !lex.inBlockComment) {
                        finish();
                        inStatement = false;
                        break;
                    }
                    if (stmtPlsql) {
                        appendSubstituted(file, raw, start, raw.length(), lineNo, lex);
                        appendNewline(lineNo, raw.length() + 1);
                        break;
                    }
                    int semi = findTerminator(raw, start, lex);
                    if (semi < 0) {
                        appendSubstituted(file, raw, start, raw.length(), lineNo, new Lex(lex));
                        advance(raw, start, raw.length(), lex);
                        appendNewline(lineNo, raw.length() + 1);
                        break;
                    }
                    appendSubstituted(file, raw, start, semi, lineNo, new Lex(lex));
                    finish();
                    inStatement = false;
                    lex = new Lex();
                    start = semi + 1;
                }
            }
            if (inStatement) {
                finish();
            }
            stack.pop();
        }

        private static String lookahead(String[] fileLines, int i, int start) {
            StringBuilder sb = new StringBuilder(fileLines[i].substring(start));
            for (int k = i + 1; k < fileLines.length && k < i + 6; k++) {
                sb.append(' ').append(fileLines[k]);
            }
            return sb.toString().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").trim();
        }

        private static int skipBlank(String s, int from) {
            int i = from;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        /** Returns the number of extra lines consumed, or -1 when the line is not a SQL*Plus command. */
        private int tryCommand(Path file, String[] fileLines, int i, int start, Deque<Path> stack) {
            String line = fileLines[i].substring(start);
            int lineNo = i + 1;
            if (line.startsWith("@")) {
                boolean relative = line.startsWith("@@");
                String target = line.substring(relative ? 2 : 1).trim();
                skipped.add(new SkippedCommand(file, lineNo, line.trim()));
                include(file, lineNo, start + 1, substituteCommand(file, target, lineNo, start + 1), stack);
                return 0;
            }
            Matcher m = Pattern.compile("^([A-Za-z_!$]+)").matcher(line);
            if (!m.find()) {
                return -1;
            }
            String word = m.group(1).toUpperCase(Locale.ROOT);
            String command = matchCommand(word);
            if (command == null) {
                return -1;
            }
            String rest = line.substring(m.end());
            String restUpper = rest.trim().toUpperCase(Locale.ROOT);
            if (command.equals("SET") && restUpper.matches("^(TRANSACTION|ROLE|CONSTRAINTS?)\\b.*")) {
                return -1; // SQL, not SQL*Plus
            }
            if (command.equals("START") && restUpper.matches("^WITH\\b.*")) {
                return -1;
            }
            // join continuation lines ("-" at the end)
            int extra = 0;
            StringBuilder full = new StringBuilder(line.stripTrailing());
            while (full.length() > 0 && full.charAt(full.length() - 1) == '-' && i + extra + 1 < fileLines.length
                    && !command.equals("REMARK") && !command.equals("PROMPT")) {
                full.setLength(full.length() - 1);
                extra++;
                full.append(' ').append(fileLines[i + extra].strip());
            }
            String cmd = full.toString();
            if (!command.equals("REMARK")) {
                cmd = substituteCommand(file, cmd, lineNo, start + 1);
            }
            String args = cmd.substring(Math.min(cmd.length(), m.end())).trim();
            if (args.endsWith(";")) {
                args = args.substring(0, args.length() - 1).trim();
            }
            switch (command) {
                case "CONNECT" -> skipped.add(new SkippedCommand(file, lineNo, "CONNECT ***"));
                case "EXECUTE" -> {
                    skipped.add(new SkippedCommand(file, lineNo, cmd.trim()));
                    // EXEC x is shorthand for BEGIN x; END;
                    stmtFile = file;
                    stmtPlsql = true;
                    text = new StringBuilder();
                    count = 0;
                    appendLiteral("BEGIN ", lineNo, start + 1);
                    String body = args.endsWith(";") ? args : args + ";";
                    appendLiteral(body, lineNo, start + 1 + m.end() + 1);
                    appendLiteral(" END;", lineNo, start + 1 + line.length());
                    finish();
                    return extra;
                }
                default -> skipped.add(new SkippedCommand(file, lineNo, cmd.trim()));
            }
            handleCommand(file, lineNo, start, command, args, stack);
            return extra;
        }

        private static String matchCommand(String word) {
            for (Map.Entry<String, Integer> e : COMMANDS.entrySet()) {
                String name = e.getKey();
                if (word.length() >= e.getValue() && word.length() <= name.length() && name.startsWith(word)) {
                    return name;
                }
            }
            return null;
        }

        private void handleCommand(Path file, int lineNo, int start, String command, String args, Deque<Path> stack) {
            String upper = args.toUpperCase(Locale.ROOT);
            switch (command) {
                case "DEFINE" -> {
                    Matcher d = DEFINE_ASSIGN.matcher(args);
                    if (d.matches()) {
                        String value = d.group(2);
                        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                                || value.startsWith("\"") && value.endsWith("\""))) {
                            value = value.substring(1, value.length() - 1);
                        }
                        vars.put(d.group(1).toUpperCase(Locale.ROOT), value);
                    }
                }
                case "UNDEFINE" -> {
                    for (String v : args.split("\\s+")) {
                        vars.remove(v.toUpperCase(Locale.ROOT));
                    }
                }
                case "ACCEPT" -> {
                    String[] parts = args.split("\\s+", 2);
                    if (!parts[0].isEmpty()) {
                        Matcher d = ACCEPT_DEFAULT.matcher(args);
                        String value = parts[0];
                        if (d.find()) {
                            value = d.group(2) != null ? d.group(2) : d.group(3) != null ? d.group(3) : d.group(4);
                        }
                        vars.put(parts[0].toUpperCase(Locale.ROOT), value);
                    }
                }
                case "COLUMN" -> {
                    Matcher nv = NEW_VALUE.matcher(args);
                    while (nv.find()) {
                        vars.putIfAbsent(nv.group(1).toUpperCase(Locale.ROOT), nv.group(1));
                    }
                }
                case "SET" -> {
                    Matcher d = Pattern.compile("(?i)^(DEF(?:INE)?|SCAN)\\s+(\\S+)").matcher(args);
                    if (d.find()) {
                        String v = d.group(2).replace("'", "").replace("\"", "");
                        if (v.equalsIgnoreCase("OFF")) {
                            defineOn = false;
                        } else if (v.equalsIgnoreCase("ON")) {
                            defineOn = true;
                            if (d.group(1).toUpperCase(Locale.ROOT).startsWith("DEF")) {
                                defineChar = '&';
                            }
                        } else if (v.length() == 1) {
                            defineOn = true;
                            defineChar = v.charAt(0);
                        }
                    }
                }
                case "START" -> include(file, lineNo, start + 1, args, stack);
                default -> {
                    // nothing to do: the command only affects SQL*Plus output or session behaviour
                }
            }
            if (upper.isEmpty()) {
                return;
            }
        }

        private void include(Path file, int lineNo, int col, String target, Deque<Path> stack) {
            String name = target.trim();
            if (name.endsWith(";")) {
                name = name.substring(0, name.length() - 1);
            }
            String[] words = name.split("\\s+");
            name = words[0];
            // @file arg1 arg2 ... defines &1, &2, ... like SQL*Plus
            for (int a = 1; a < words.length; a++) {
                String arg = words[a];
                if (arg.length() >= 2 && (arg.startsWith("'") && arg.endsWith("'") || arg.startsWith("\"") && arg.endsWith("\""))) {
                    arg = arg.substring(1, arg.length() - 1);
                }
                vars.put(String.valueOf(a), arg);
            }
            if (name.isEmpty()) {
                problems.add(new Problem(file, lineNo, col, "include without a file name"));
                return;
            }
            if (!name.contains(".")) {
                name = name + ".sql";
            }
            Path dir = file.getParent() == null ? Path.of("") : file.getParent();
            Path inc = dir.resolve(name).normalize();
            if (stack.contains(inc.toAbsolutePath().normalize())) {
                List<String> chain = new ArrayList<>();
                stack.descendingIterator().forEachRemaining(p -> chain.add(p.getFileName().toString()));
                chain.add(inc.getFileName().toString());
                problems.add(new Problem(file, lineNo, col, "include cycle: " + String.join(" -> ", chain)));
                return;
            }
            String content;
            try {
                content = readText(inc);
            } catch (IOException e) {
                problems.add(new Problem(file, lineNo, col, "cannot read included file " + inc + " (" + e.getClass().getSimpleName() + ")"));
                return;
            }
            // an include is always read from a clean state, like SQL*Plus (the current statement was already ended)
            Path savedFile = stmtFile;
            run(inc, content, stack);
            stmtFile = savedFile;
        }

        /** Substitutes variables in a SQL*Plus command line; problems are reported at the command's line. */
        private String substituteCommand(Path file, String s, int lineNo, int col) {
            if (!defineOn || s.indexOf(defineChar) < 0) {
                return s;
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == defineChar) {
                    int[] end = new int[1];
                    String value = resolve(file, s, i, lineNo, col + i, end);
                    if (value != null) {
                        out.append(value);
                        i = end[0];
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
            return out.toString();
        }

        /**
         * Resolves a variable reference starting at {@code at} (the define character). Returns null when there is no
         * variable name after it; otherwise the value (reporting undefined names) and the end index in {@code end[0]}.
         */
        private String resolve(Path file, String s, int at, int lineNo, int col, int[] end) {
            int i = at + 1;
            boolean twice = i < s.length() && s.charAt(i) == defineChar;
            if (twice) {
                i++;
            }
            int nameStart = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_$#".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            if (i == nameStart) {
                return null;
            }
            String name = s.substring(nameStart, i);
            if (i < s.length() && s.charAt(i) == '.') {
                i++; // concatenation character
            }
            end[0] = i;
            String value = vars.get(name.toUpperCase(Locale.ROOT));
            if (value == null) {
                problems.add(new Problem(file, lineNo, col, "substitution variable " + defineChar + (twice ? String.valueOf(defineChar) : "")
                        + name + " is not defined (use DEFINE " + name + " = value)"));
                return "";
            }
            return value;
        }

        /** Appends raw[from, to) with substitution (outside comments), recording original positions. */
        private void appendSubstituted(Path file, String raw, int from, int to, int lineNo, Lex lex) {
            int i = from;
            while (i < to) {
                char c = raw.charAt(i);
                boolean inComment = lex.inBlockComment || lex.inLineComment;
                if (defineOn && c == defineChar && !inComment) {
                    int[] end = new int[1];
                    String value = resolve(file, raw, i, lineNo, i + 1, end);
                    if (value != null) {
                        appendLiteral(value, lineNo, i + 1);
                        i = Math.min(end[0], to);
                        continue;
                    }
                }
                lex.step(raw, i);
                int cp = raw.codePointAt(i);
                put(cp, lineNo, i + 1);
                i += Character.charCount(cp);
            }
            lex.endLine();
        }

        private void appendLiteral(String value, int lineNo, int col) {
            value.codePoints().forEach(cp -> put(cp, lineNo, col));
        }

        private void appendNewline(int lineNo, int col) {
            put('\n', lineNo, col);
        }

        private void put(int cp, int lineNo, int col) {
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count * 2);
                cols = Arrays.copyOf(cols, count * 2);
            }
            text.appendCodePoint(cp);
            lines[count] = lineNo;
            cols[count] = col;
            count++;
        }

        /** Advances the lexical state over raw[from, to) without appending. */
        private static void advance(String raw, int from, int to, Lex lex) {
            for (int i = from; i < to; i++) {
                lex.step(raw, i);
            }
            lex.endLine();
        }

        /** Index of the terminating ';' on this line outside strings and comments, or -1 (state is advanced). */
        private static int findTerminator(String raw, int from, Lex lex) {
            Lex probe = new Lex(lex);
            for (int i = from; i < raw.length(); i++) {
                if (raw.charAt(i) == ';' && !probe.inString() && !probe.inBlockComment && !probe.inLineComment) {
                    return i;
                }
                probe.step(raw, i);
            }
            return -1;
        }

        private void finish() {
            // trim trailing whitespace
            int n = count;
            while (n > 0 && Character.isWhitespace(text.codePointAt(text.offsetByCodePoints(0, n - 1)))) {
                n--;
            }
            // trim leading whitespace
            int s = 0;
            while (s < n && Character.isWhitespace(text.codePointAt(text.offsetByCodePoints(0, s)))) {
                s++;
            }
            if (s < n) {
                int startChar = text.offsetByCodePoints(0, s);
                int endChar = text.offsetByCodePoints(0, n);
                statements.add(new Statement(stmtFile, text.substring(startChar, endChar), stmtPlsql,
                        Arrays.copyOfRange(lines, s, n), Arrays.copyOfRange(cols, s, n)));
            }
            text = new StringBuilder();
            count = 0;
        }
    }

    /** Minimal lexical state: are we in a string, quoted identifier, q-quote or comment. */
    private static final class Lex {
        char quote;          // '\'' or '"' when inside, 0 otherwise
        char qClose;         // closing delimiter of a q'x...x' literal, 0 otherwise
        boolean inBlockComment;
        boolean inLineComment;

        Lex() {
        }

        Lex(Lex o) {
            quote = o.quote;
            qClose = o.qClose;
            inBlockComment = o.inBlockComment;
            inLineComment = o.inLineComment;
            qJustOpened = o.qJustOpened;
            blockOpenedAt = o.blockOpenedAt;
        }

        /** Called at the end of every line: line comments end, a block comment continues on the next line. */
        void endLine() {
            inLineComment = false;
            blockOpenedAt = -3;
        }

        boolean inString() {
            return quote != 0 || qClose != 0;
        }

        void step(String s, int i) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (inLineComment) {
                return;
            }
            if (inBlockComment) {
                if (c == '/' && i > 0 && i > blockOpenedAt + 2 && s.charAt(i - 1) == '*') {
                    inBlockComment = false;
                }
                return;
            }
            if (qClose != 0) {
                if (c == '\'' && i > 0 && s.charAt(i - 1) == qClose && !qJustOpened) {
                    qClose = 0;
                }
                qJustOpened = false;
                return;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled '' re-opens on the next char
                }
                return;
            }
            if (c == '-' && next == '-') {
                inLineComment = true;
            } else if (c == '/' && next == '*') {
                inBlockComment = true;
                blockOpenedAt = i; // "/*/" does not close the comment it opens
            } else if ((c == 'q' || c == 'Q') && next == '\'' && i + 2 < s.length()
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == 'n' || s.charAt(i - 1) == 'N')) {
                char open = s.charAt(i + 2);
                qClose = switch (open) {
                    case '[' -> ']';
                    case '(' -> ')';
                    case '{' -> '}';
                    case '<' -> '>';
                    default -> open;
                };
                qJustOpened = true;
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
        }

        /** True right after the 'q' of q'x...x' so that the opening quote is not taken as the closing one. */
        private boolean qJustOpened;
        /** Index (on the current line) of the '/' that opened the block comment; -3 when it opened on an earlier line. */
        private int blockOpenedAt = -3;
    }

    @Override
    public String toString() {
        return statements.size() + " statements, " + skipped.size() + " SQL*Plus commands skipped"
                + (problems.isEmpty() ? "" : ", " + problems.size() + " problems");
    }

    /** Convenience: unmodifiable view for callers that only need the statement texts. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        statements.forEach(s -> out.add(s.text()));
        return Collections.unmodifiableList(out);
    }
}
