package dev.ferry.app.assess;

import dev.ferry.app.Version;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.report.OracleScriptAssessment;
import dev.ferry.converter.verify.ReparseVerifier;
import dev.ferry.converter.verify.ScratchDeployVerifier;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.parse.oracle.OracleParseResult;
import dev.ferry.converter.parse.oracle.OracleParsedStatement;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleParsingException;
import dev.ferry.converter.parse.oracle.OracleScriptSchemaBuilder;
import dev.ferry.converter.parse.oracle.SqlPlusScript;
import dev.ferry.converter.types.Reconversion;
import dev.ferry.model.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Engine;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds an {@link AssessmentReport} from scripts the way {@code ferry assess} does (collect, convert, verify), without
 * writing files, for the workbench's Assessment view. GUI-free; blocking: call from a background task. Stateless.
 */
public final class ScriptAssessments {

    /** How the converted SQL is verified before anything may be AUTO. */
    public enum VerifyMode {
        /** Re-parse with Ferry's PostgreSQL grammar only. */
        REPARSE,
        /** Re-parse and deploy into a scratch PostgreSQL (in a transaction that is rolled back). */
        SCRATCH
    }

    /**
     * What to assess.
     *
     * @param source       a script file or a folder of scripts
     * @param sourceEngine the scripts' engine (Oracle for now)
     * @param targetEngine the target engine (PostgreSQL for now)
     * @param schema       the target schema, or {@code null} for the default derived from the file names
     * @param rules        type-mapping rules (the project's)
     * @param verify       how to verify
     */
    public record Request(Path source, Engine sourceEngine, Engine targetEngine, String schema, List<TypeMappingRule> rules,
                          VerifyMode verify) {
        public Request {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sourceEngine, "sourceEngine");
            Objects.requireNonNull(targetEngine, "targetEngine");
            rules = rules == null ? List.of() : List.copyOf(rules);
            verify = verify == null ? VerifyMode.REPARSE : verify;
        }
    }

    /** Opens a connection to a scratch PostgreSQL database whose changes are rolled back; the caller closes it. */
    @FunctionalInterface
    public interface ScratchDatabase {
        Connection open() throws SQLException, IOException;

        /** A label for the report, e.g. "embedded PostgreSQL 16.2". */
        default String describe(Connection c) {
            try {
                return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                return "PostgreSQL";
            }
        }
    }

    private ScriptAssessments() {
    }

    /** The directions the workbench can assess from scripts. */
    public static List<Engine> sourceEngines() {
        return List.of(Engine.ORACLE);
    }

    public static List<Engine> targetEngines() {
        return List.of(Engine.POSTGRESQL);
    }

    /**
     * Runs the assessment.
     *
     * @param scratch  where SCRATCH verification deploys; may be {@code null} for REPARSE
     * @param progress receives short status lines
     * @throws IllegalArgumentException for an unsupported direction (naming it)
     * @throws IOException              when the scripts cannot be read
     */
    public static AssessmentReport run(Request request, ScratchDatabase scratch, Consumer<String> progress)
            throws IOException, SQLException {
        if (!sourceEngines().contains(request.sourceEngine())) {
            throw new IllegalArgumentException("Script assessments read " + Engine.ORACLE.displayName() + " scripts; "
                    + request.sourceEngine().displayName() + " scripts are not supported yet.");
        }
        if (!targetEngines().contains(request.targetEngine())) {
            throw new IllegalArgumentException("Assessments convert to " + Engine.POSTGRESQL.displayName() + "; "
                    + request.targetEngine().displayName() + " is not supported yet.");
        }
        progress.accept("Reading scripts in " + request.source() + "…");
        OracleScriptAssessment.Input input = OracleScriptAssessment.collect(request.source());
        String schema = request.schema() == null || request.schema().isBlank() ? OracleScriptAssessment.defaultSchema(input.files())
                : request.schema().matches("[a-z_][a-z0-9_$#]*") ? request.schema().toUpperCase(Locale.ROOT) : request.schema();
        progress.accept("Parsing and converting " + input.files().size() + " file(s)…");
        OracleScriptAssessment.Converted converted = OracleScriptAssessment.convert(input, schema, request.rules());
        long v0 = System.nanoTime();
        ConversionResult result;
        AssessmentReport.Verification verification;
        if (request.verify() == VerifyMode.SCRATCH) {
            Objects.requireNonNull(scratch, "scratch");
            progress.accept("Verifying " + converted.conversion().objects().size() + " objects in a scratch database…");
            try (Connection c = scratch.open()) {
                ScratchDeployVerifier.Outcome o = new ScratchDeployVerifier(c).verify(converted.conversion());
                result = o.result();
                verification = new AssessmentReport.Verification("embedded", scratch.describe(c), count(result, true),
                        count(result, false));
            }
        } else {
            progress.accept("Re-parsing the converted SQL…");
            result = ReparseVerifier.verify(converted.conversion());
            verification = new AssessmentReport.Verification("reparse", null, count(result, true), count(result, false));
        }
        long verifyMs = (System.nanoTime() - v0) / 1_000_000;
        return new AssessmentReport(result, Instant.now(), Version.get(), request.source().toString(),
                converted.targetSchema(), converted.files(), converted.linesOfCode(),
                new AssessmentReport.Timings(converted.parseMillis(), converted.convertMillis(), verifyMs), verification,
                converted.notes());
    }

    /**
     * A re-conversion after the type-mapping rules changed.
     *
     * @param report      the previous report with the affected objects re-converted (and the whole result re-verified)
     * @param tables      the source tables whose type mapping changed
     * @param reconverted keys of the objects taken from the new conversion (those tables and what depends on them)
     */
    public record Reconverted(AssessmentReport report, Set<String> tables, Set<String> reconverted) {
        public Reconverted {
            tables = Set.copyOf(tables);
            reconverted = Set.copyOf(reconverted);
        }
    }

    /**
     * Re-converts what a change of the type-mapping rules from {@code before} to {@code request.rules()} touches
     * ({@link Reconversion}): the scripts are read again, the tables whose columns map differently are found in the
     * source model, and those tables and every object depending on them are taken from the new conversion while every
     * other object of {@code previous} is kept as it was. The merged result is verified like {@link #run}.
     */
    public static Reconverted reconvert(Request request, AssessmentReport previous, List<TypeMappingRule> before,
                                        ScratchDatabase scratch, Consumer<String> progress) throws IOException, SQLException {
        progress.accept("Reading scripts in " + request.source() + "…");
        OracleScriptAssessment.Input input = OracleScriptAssessment.collect(request.source());
        String schema = request.schema() == null || request.schema().isBlank() ? OracleScriptAssessment.defaultSchema(input.files())
                : request.schema().matches("[a-z_][a-z0-9_$#]*") ? request.schema().toUpperCase(Locale.ROOT) : request.schema();
        OracleParserFacade facade = new OracleParserFacade();
        List<OracleParsedStatement> statements = new ArrayList<>();
        List<OracleParsingException> errors = new ArrayList<>();
        List<SqlPlusScript.SkippedCommand> skipped = new ArrayList<>();
        for (Path f : input.files()) {
            OracleParseResult r = facade.parse(SqlPlusScript.parse(Files.readString(f, StandardCharsets.UTF_8), f, Map.of()));
            statements.addAll(r.statements());
            errors.addAll(r.errors());
            skipped.addAll(r.skippedCommands());
        }
        Schema model = new OracleScriptSchemaBuilder().build(schema, new OracleParseResult(statements, errors, skipped));
        Set<String> tables = Reconversion.affectedTables(model, before, request.rules());
        if (tables.isEmpty()) {
            progress.accept("No table's type mapping changed.");
            return new Reconverted(previous, Set.of(), Set.of());
        }
        progress.accept("Re-converting " + tables.size() + " table(s) and what depends on them…");
        OracleScriptAssessment.Converted converted = OracleScriptAssessment.convert(input, schema, request.rules());
        String pgSchema = converted.targetSchema();
        Reconversion.Outcome merged = Reconversion.merge(previous.conversion(), converted.conversion(), tables,
                t -> "TABLE:" + pgSchema + "." + PostgresIdentifiers.fold(t));
        ConversionResult result;
        AssessmentReport.Verification verification;
        if (request.verify() == VerifyMode.SCRATCH) {
            Objects.requireNonNull(scratch, "scratch");
            progress.accept("Verifying in a scratch database…");
            try (Connection c = scratch.open()) {
                result = new ScratchDeployVerifier(c).verify(merged.result()).result();
                verification = new AssessmentReport.Verification("embedded", scratch.describe(c), count(result, true), count(result, false));
            }
        } else {
            progress.accept("Re-parsing the converted SQL…");
            result = ReparseVerifier.verify(merged.result());
            verification = new AssessmentReport.Verification("reparse", null, count(result, true), count(result, false));
        }
        AssessmentReport report = new AssessmentReport(result, Instant.now(), Version.get(), previous.sourceDescription(),
                previous.targetSchema(), previous.files(), previous.linesOfCode(), previous.timings(), verification, previous.notes());
        return new Reconverted(report, tables, merged.reconverted());
    }

    static int count(ConversionResult r, boolean verified) {
        return (int) r.objects().stream().filter(o -> o.converted() && o.verified() == verified).count();
    }
}
