package dev.ferry.converter.report;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.Directions;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.ScriptSchema;
import dev.ferry.converter.parse.mysql.MySqlParseResult;
import dev.ferry.converter.parse.mysql.MySqlParsedStatement;
import dev.ferry.converter.parse.mysql.MySqlParserFacade;
import dev.ferry.converter.parse.mysql.MySqlToPostgresConverter;
import dev.ferry.converter.parse.postgres.PostgresScriptSchemaBuilder;
import dev.ferry.converter.parse.sqlite.SqliteScriptSchemaBuilder;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Offline assessment of SQLite, PostgreSQL and MySQL/MariaDB scripts (a {@code .sql} file, or every {@code .sql} file
 * of a folder in name order), the counterpart of {@link OracleScriptAssessment}: the scripts are modelled by the
 * source engine's script builder ({@link SqliteScriptSchemaBuilder}, {@link PostgresScriptSchemaBuilder}) and converted
 * by the registered {@link SchemaConverter} of the direction; MySQL scripts keep the script path of
 * {@link MySqlToPostgresConverter} (it translates routines from the parse tree). Statements that do not parse become
 * MANUAL objects with a syntax-error item at {@code file:line:column}; DDL the model does not hold (virtual tables,
 * policies, row-level security, extensions...) becomes a MANUAL object too, so nothing is silently dropped.
 *
 * <p>Threading: stateless.
 */
public final class ScriptAssessment {

    private ScriptAssessment() {
    }

    /** The {@code .sql} files under {@code source} (a file, or a folder's files in name order). */
    public static OracleScriptAssessment.Input collect(Path source) throws IOException {
        if (!Files.exists(source)) {
            throw new java.nio.file.NoSuchFileException(source.toString(), null, "no such file or folder");
        }
        if (!Files.isDirectory(source)) {
            return new OracleScriptAssessment.Input(source, List.of(source), List.of());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(source)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(source + ": no .sql script files in this folder");
        }
        return new OracleScriptAssessment.Input(source, files, List.of());
    }

    /**
     * Parses the scripts of {@code source} engine and converts them to {@code target}.
     *
     * @param targetSchema the target schema; {@code null} for the default (SQLite: {@code main}; PostgreSQL: the
     *                     source schema {@code public}; MySQL: {@code public})
     * @throws IllegalArgumentException when the direction is not registered (the message lists the supported ones)
     */
    public static OracleScriptAssessment.Converted convert(Engine source, Engine target, OracleScriptAssessment.Input input,
                                                           String targetSchema, List<TypeMappingRule> rules) throws IOException {
        long t0 = System.nanoTime();
        List<ScriptSchema.File> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int loc = 0;
        for (Path f : input.files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            loc += AssessmentReport.linesOfCode(text);
            String name = OracleScriptAssessment.display(input, f);
            files.add(new ScriptSchema.File(name, text));
            names.add(name);
        }
        if (source == Engine.MYSQL && target == Engine.POSTGRESQL) {
            List<MySqlParsedStatement> statements = new ArrayList<>();
            MySqlParserFacade facade = new MySqlParserFacade();
            for (ScriptSchema.File f : files) {
                statements.addAll(facade.parse(f.name(), f.text()).statements());
            }
            long parseMs = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            String schema = targetSchema == null ? "public" : targetSchema;
            MySqlParseResult all = new MySqlParseResult(names.size() == 1 ? names.get(0) : input.source().getFileName().toString(), statements);
            ConversionResult conversion = new MySqlToPostgresConverter(rules).convert(schema, Set.of(), all);
            return new OracleScriptAssessment.Converted(conversion, MySqlToPostgresConverter.pgName(schema), names, loc, parseMs,
                    (System.nanoTime() - t1) / 1_000_000, input.notes());
        }
        SchemaConverter converter = Directions.converter(source, target).orElseThrow(() -> new IllegalArgumentException(
                "Converting " + source.displayName() + " to " + target.displayName() + " is not supported; supported directions: "
                        + String.join(", ", Directions.supported())));
        ScriptSchema built = switch (source) {
            case SQLITE -> new SqliteScriptSchemaBuilder().build(files);
            case POSTGRESQL -> new PostgresScriptSchemaBuilder("public").build(files);
            default -> throw new IllegalArgumentException("Scripts of " + source.displayName()
                    + " are assessed by their own command path (Oracle) or not yet supported");
        };
        long parseMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        ConversionResult conversion = converter.convert(new ConversionRequest(built.schema(), targetSchema, rules,
                k -> built.sources().get(k)));
        String schema = conversion.objects().stream().filter(o -> o.type().equals("SCHEMA")).map(ConvertedObject::name)
                .findFirst().orElse(targetSchema);
        List<ConvertedObject> extra = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        conversion.objects().forEach(o -> keys.add(o.key()));
        ActionCode syntax = source == Engine.SQLITE ? ActionCode.SL_SYNTAX_ERROR : ActionCode.PG_SYNTAX_ERROR;
        for (ParsingException e : built.errors()) {
            String name = e.getFile() + ":" + e.getLine();
            ActionItem item = new ActionItem(syntax.code(), syntax.severity(), "Syntax error at " + e.getFile() + ":" + e.getLine()
                    + ":" + e.getColumn() + ": " + e.getErrorMessage(), syntax.recommendation(), e.getLine(), e.getColumn(),
                    syntax.effortMinutes());
            extra.add(unique(new ConvertedObject(schema, name, "STATEMENT", ObjectStatus.MANUAL, false, e.getFile(), e.getLine(),
                    null, null, DeployPhase.POST_LOAD, List.of(), List.of(item)), keys));
        }
        for (ScriptSchema.Unmodelled u : built.unmodelled()) {
            ActionCode code = source == Engine.SQLITE && u.kind().contains("VIRTUAL") ? ActionCode.SL_VIRTUAL_TABLE
                    : source == Engine.SQLITE ? ActionCode.SL_EXPRESSION_NOT_TRANSLATED : ActionCode.PG_NOT_COPIED;
            String name = (u.name() == null ? u.kind().toLowerCase(Locale.ROOT).replace(' ', '_') : u.name()) + "@" + u.file() + ":" + u.line();
            extra.add(unique(new ConvertedObject(schema, name, "OTHER", ObjectStatus.MANUAL, false, u.file(), u.line(), u.text(), null,
                    DeployPhase.POST_LOAD, List.of(), List.of(ActionItem.of(code, u.kind() + (u.name() == null ? "" : " " + u.name())
                    + " is not converted", u.line(), u.column()))), keys));
        }
        List<ConvertedObject> objects = new ArrayList<>(conversion.objects());
        objects.addAll(extra);
        List<String> order = new ArrayList<>(conversion.deployOrder());
        extra.forEach(o -> order.add(o.key()));
        ConversionResult merged = new ConversionResult(conversion.sourceEngine(), conversion.targetEngine(), objects, order);
        return new OracleScriptAssessment.Converted(merged, schema, names, loc, parseMs, (System.nanoTime() - t1) / 1_000_000,
                input.notes());
    }

    private static ConvertedObject unique(ConvertedObject o, Set<String> keys) {
        ConvertedObject out = o;
        for (int k = 2; keys.contains(out.key()); k++) {
            out = new ConvertedObject(o.schema(), o.name() + "~" + k, o.type(), o.status(), o.verified(), o.sourceFile(),
                    o.sourceLine(), o.sourceText(), o.convertedSql(), o.deployPhase(), o.dependsOn(), o.actionItems());
        }
        keys.add(out.key());
        return out;
    }
}
