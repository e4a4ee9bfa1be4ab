package dev.ferry.converter.report;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.parse.oracle.OracleParseResult;
import dev.ferry.converter.parse.oracle.OracleParsedStatement;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleParsingException;
import dev.ferry.converter.parse.oracle.OracleToPostgresConverter;
import dev.ferry.converter.parse.oracle.SqlPlusScript;
import dev.ferry.model.project.TypeMappingRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Oracle scripts (a file, or every {@code .sql}/{@code .pks}/{@code .pkb}/{@code .pls} file of a folder, sorted by
 * name), parses and converts them to PostgreSQL in one go (so a trigger in one file sees the table of another), and
 * turns every statement that does not parse into a MANUAL object carrying the syntax error as an {@code ORA-PG-0901}
 * item at its {@code file:line:column}. An install driver in a folder (a script that runs other scripts of the same
 * folder with {@code @}/{@code @@}) is skipped, because the scripts it runs are read on their own.
 *
 * <p>Threading: stateless.
 */
public final class OracleScriptAssessment {

    /** Extensions of Oracle script files read from a folder. */
    public static final List<String> EXTENSIONS = List.of(".sql", ".pks", ".pkb", ".pls");

    private static final Pattern INCLUDE = Pattern.compile("^\\s*@@?\\s*([^\\s;]+)", Pattern.MULTILINE);
    private static final Pattern CREATE = Pattern.compile(
            "^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:NO)?FORCE\\s+|EDITIONABLE\\s+|NONEDITIONABLE\\s+|GLOBAL\\s+TEMPORARY\\s+|PRIVATE\\s+TEMPORARY\\s+|UNIQUE\\s+|BITMAP\\s+|PUBLIC\\s+)*"
                    + "(MATERIALIZED\\s+VIEW|PACKAGE\\s+BODY|TYPE\\s+BODY|TABLE|VIEW|INDEX|SEQUENCE|PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE|SYNONYM)\\s+"
                    + "((?:\"[^\"]+\"|[\\w$#]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$#]+))?)",
            Pattern.CASE_INSENSITIVE);

    /** The scripts to read, and remarks about files that were left out. */
    public record Input(Path source, List<Path> files, List<String> notes) {
        public Input {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /** A converted (not yet verified) assessment input. */
    public record Converted(ConversionResult conversion, String targetSchema, List<String> files, int linesOfCode,
                            long parseMillis, long convertMillis, List<String> notes) {
    }

    private OracleScriptAssessment() {
    }

    /**
     * The scripts under {@code source}.
     *
     * @throws IOException when the path cannot be read, or a folder holds no script file
     */
    public static Input collect(Path source) throws IOException {
        if (!Files.exists(source)) {
            throw new java.nio.file.NoSuchFileException(source.toString(), null, "no such file or folder");
        }
        if (!Files.isReadable(source)) {
            throw new java.nio.file.AccessDeniedException(source.toString(), null, "not readable");
        }
        if (!Files.isDirectory(source)) {
            return new Input(source, List.of(source), List.of());
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(source)) {
            all = s.filter(Files::isRegularFile).filter(p -> isScript(p.getFileName().toString())).sorted().toList();
        }
        if (all.isEmpty()) {
            throw new IOException(source + ": no Oracle script files (" + String.join(", ", EXTENSIONS) + ") in this folder");
        }
        Set<String> names = new HashSet<>();
        all.forEach(p -> names.add(p.getFileName().toString().toLowerCase(Locale.ROOT)));
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path p : all) {
            Set<String> runs = new TreeSet<>();
            Matcher m = INCLUDE.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                String ref = Path.of(m.group(1)).getFileName().toString().toLowerCase(Locale.ROOT);
                String withExt = ref.contains(".") ? ref : ref + ".sql";
                if (names.contains(withExt) && !withExt.equals(p.getFileName().toString().toLowerCase(Locale.ROOT))) {
                    runs.add(withExt);
                }
            }
            if (runs.isEmpty()) {
                files.add(p);
            } else {
                notes.add(p.getFileName() + " was not read: it is an install script that runs " + String.join(", ", runs)
                        + ", which are read on their own");
            }
        }
        return new Input(source, files, notes);
    }

    static boolean isScript(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /**
     * The default target schema: the part of the script names before the first {@code _} when all files agree on it
     * and it is a plain identifier ({@code hr_create.sql}, {@code hr_code.sql} → {@code HR}), else {@code PUBLIC}.
     */
    public static String defaultSchema(List<Path> files) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            int dot = n.lastIndexOf('.');
            String base = dot > 0 ? n.substring(0, dot) : n;
            int us = base.indexOf('_');
            prefixes.add((us > 0 ? base.substring(0, us) : base).toUpperCase(Locale.ROOT));
        }
        if (prefixes.size() == 1) {
            String p = prefixes.iterator().next();
            if (p.matches("[A-Z][A-Z0-9$#]{0,29}")) {
                return p;
            }
        }
        return "PUBLIC";
    }

    /** Parses every file and converts them together into {@code schema} (Oracle spelling, e.g. {@code HR}). */
    public static Converted convert(Input input, String schema, List<TypeMappingRule> rules) throws IOException {
        OracleParserFacade facade = new OracleParserFacade();
        long t0 = System.nanoTime();
        List<OracleParsedStatement> statements = new ArrayList<>();
        List<OracleParsingException> errors = new ArrayList<>();
        List<SqlPlusScript.SkippedCommand> skipped = new ArrayList<>();
        List<SqlPlusScript.Statement> raw = new ArrayList<>();
        int loc = 0;
        List<String> fileNames = new ArrayList<>();
        for (Path f : input.files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            loc += AssessmentReport.linesOfCode(text);
            SqlPlusScript script = SqlPlusScript.parse(text, f, java.util.Map.of());
            raw.addAll(script.statements());
            OracleParseResult r = facade.parse(script);
            statements.addAll(r.statements());
            errors.addAll(r.errors());
            skipped.addAll(r.skippedCommands());
            fileNames.add(display(input, f));
        }
        long parseMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        OracleParseResult all = new OracleParseResult(statements, errors, skipped);
        ConversionResult conversion = new OracleToPostgresConverter(rules).convert(schema, all);
        List<ConvertedObject> extra = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        conversion.objects().forEach(o -> keys.add(o.key()));
        String pgSchema = PostgresIdentifiers.fold(schema);
        for (OracleParsingException e : errors) {
            ConvertedObject o = syntaxError(pgSchema, e, statementAt(raw, e), input);
            String name = o.name();
            for (int k = 2; keys.contains(o.key()); k++) {
                o = rename(o, name + "@" + e.line() + (k > 2 ? "~" + k : ""));
            }
            keys.add(o.key());
            extra.add(o);
        }
        List<ConvertedObject> objects = new ArrayList<>(conversion.objects());
        objects.addAll(extra);
        List<String> order = new ArrayList<>(conversion.deployOrder());
        extra.forEach(o -> order.add(o.key()));
        ConversionResult merged = new ConversionResult(conversion.sourceEngine(), conversion.targetEngine(), objects, order)
                .map(o -> o.sourceFile() == null ? o : withSourceFile(o, display(input, Path.of(o.sourceFile()))));
        long convertMs = (System.nanoTime() - t1) / 1_000_000;
        return new Converted(merged, pgSchema, fileNames, loc, parseMs, convertMs, input.notes());
    }

    /**
     * Parses every file and converts the script model of {@code schema} (Oracle spelling) with the registered
     * Oracle → {@code target} direction (MySQL/MariaDB, SQLite) into {@code targetSchema} ({@code null}: the direction's
     * default). Statements that do not parse become MANUAL objects at their line:column, as for PostgreSQL.
     *
     * @throws IllegalArgumentException when no direction Oracle → {@code target} is registered
     */
    public static Converted convertTo(dev.ferry.model.schema.Engine target, Input input, String schema, String targetSchema,
                                      List<TypeMappingRule> rules) throws IOException {
        dev.ferry.converter.direction.SchemaConverter converter = dev.ferry.converter.direction.Directions
                .converter(dev.ferry.model.schema.Engine.ORACLE, target)
                .orElseThrow(() -> new IllegalArgumentException("Converting Oracle to " + target.displayName()
                        + " is not supported; supported directions: "
                        + String.join(", ", dev.ferry.converter.direction.Directions.supported())));
        OracleParserFacade facade = new OracleParserFacade();
        long t0 = System.nanoTime();
        List<OracleParsedStatement> statements = new ArrayList<>();
        List<OracleParsingException> errors = new ArrayList<>();
        List<SqlPlusScript.SkippedCommand> skipped = new ArrayList<>();
        List<SqlPlusScript.Statement> raw = new ArrayList<>();
        int loc = 0;
        List<String> fileNames = new ArrayList<>();
        for (Path f : input.files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            loc += AssessmentReport.linesOfCode(text);
            SqlPlusScript script = SqlPlusScript.parse(text, f, java.util.Map.of());
            raw.addAll(script.statements());
            OracleParseResult r = facade.parse(script);
            statements.addAll(r.statements());
            errors.addAll(r.errors());
            skipped.addAll(r.skippedCommands());
            fileNames.add(display(input, f));
        }
        long parseMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        dev.ferry.model.schema.Schema model = new dev.ferry.converter.parse.oracle.OracleScriptSchemaBuilder()
                .build(schema, new OracleParseResult(statements, errors, skipped));
        ConversionResult conversion = converter.convert(new dev.ferry.converter.direction.ConversionRequest(model, targetSchema,
                rules, null));
        String outSchema = conversion.objects().stream().map(ConvertedObject::schema).filter(java.util.Objects::nonNull)
                .findFirst().orElse(targetSchema);
        List<ConvertedObject> extra = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        conversion.objects().forEach(o -> keys.add(o.key()));
        for (OracleParsingException e : errors) {
            ConvertedObject o = syntaxError(outSchema, e, statementAt(raw, e), input);
            String name = o.name();
            for (int k = 2; keys.contains(o.key()); k++) {
                o = rename(o, name + "@" + e.line() + (k > 2 ? "~" + k : ""));
            }
            keys.add(o.key());
            extra.add(o);
        }
        List<ConvertedObject> objects = new ArrayList<>(conversion.objects());
        objects.addAll(extra);
        List<String> order = new ArrayList<>(conversion.deployOrder());
        extra.forEach(o -> order.add(o.key()));
        ConversionResult merged = new ConversionResult(conversion.sourceEngine(), conversion.targetEngine(), objects, order);
        return new Converted(merged, outSchema, fileNames, loc, parseMs, (System.nanoTime() - t1) / 1_000_000, input.notes());
    }

    /** A file name as reports show it: relative to the source folder, or the file name for a single file. */
    static String display(Input input, Path file) {
        Path src = input.source();
        if (Files.isDirectory(src)) {
            Path a = src.toAbsolutePath().normalize();
            Path f = file.toAbsolutePath().normalize();
            if (f.startsWith(a)) {
                return a.relativize(f).toString().replace('\\', '/');
            }
        }
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private static SqlPlusScript.Statement statementAt(List<SqlPlusScript.Statement> raw, OracleParsingException e) {
        for (SqlPlusScript.Statement s : raw) {
            if (s.lines().length > 0 && java.util.Objects.equals(s.file(), e.file()) && s.line() <= e.line()
                    && e.line() <= s.lines()[s.lines().length - 1]) {
                return s;
            }
        }
        return null;
    }

    private static ConvertedObject syntaxError(String schema, OracleParsingException e, SqlPlusScript.Statement st,
                                               Input input) {
        String file = e.file() == null ? null : display(input, e.file());
        String type = "STATEMENT";
        String name = (file == null ? "script" : file) + ":" + e.line();
        if (st != null) {
            Matcher m = CREATE.matcher(st.text());
            if (m.find()) {
                type = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
                type = switch (type) {
                    case "PACKAGE_BODY" -> "PACKAGE";
                    case "TYPE_BODY" -> "TYPE";
                    case "PROCEDURE", "FUNCTION" -> "ROUTINE";
                    default -> type;
                };
                String qualified = m.group(2);
                String last = qualified.substring(qualified.lastIndexOf('.') + 1).strip();
                name = last.startsWith("\"") ? last.substring(1, last.length() - 1) : PostgresIdentifiers.fold(last);
            }
        }
        String where = (file == null ? "" : file + ":") + e.line() + ":" + e.column();
        ActionItem item = new ActionItem(ActionCode.UNSUPPORTED_FEATURE.code(), ActionCode.UNSUPPORTED_FEATURE.severity(),
                "Syntax error at " + where + ": " + e.detail(),
                "The statement does not parse with Ferry's Oracle grammar, so it was not converted. Fix the syntax "
                        + "(or convert the statement by hand) and run the assessment again.",
                e.line(), e.column(), ActionCode.UNSUPPORTED_FEATURE.effortMinutes());
        return new ConvertedObject(schema, name, type, ObjectStatus.MANUAL, false, file,
                st == null ? e.line() : st.line(), st == null ? null : st.text(), null, DeployPhase.POST_LOAD,
                List.of(), List.of(item));
    }

    private static ConvertedObject rename(ConvertedObject o, String name) {
        return new ConvertedObject(o.schema(), name, o.type(), o.status(), o.verified(), o.sourceFile(), o.sourceLine(),
                o.sourceText(), o.convertedSql(), o.deployPhase(), o.dependsOn(), o.actionItems());
    }

    private static ConvertedObject withSourceFile(ConvertedObject o, String file) {
        return new ConvertedObject(o.schema(), o.name(), o.type(), o.status(), o.verified(), file, o.sourceLine(),
                o.sourceText(), o.convertedSql(), o.deployPhase(), o.dependsOn(), o.actionItems());
    }
}
