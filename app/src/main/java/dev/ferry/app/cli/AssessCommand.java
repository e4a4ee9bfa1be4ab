package dev.ferry.app.cli;

import dev.ferry.app.Version;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.report.AssessmentWriters;
import dev.ferry.converter.report.OracleScriptAssessment;
import dev.ferry.converter.report.PageSize;
import dev.ferry.converter.verify.ReparseVerifier;
import dev.ferry.converter.verify.ScratchDeployVerifier;
import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFileException;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ferry assess}: converts an Oracle schema (scripts: a file or a folder) to PostgreSQL and writes the assessment
 * reports (JSON, HTML, PDF, CSV) and the converted SQL per object. Objects are only AUTO when their converted SQL
 * re-parses with Ferry's PostgreSQL grammar and, with {@code --verify}/{@code --verify-against}, deploys (in a
 * transaction that is rolled back). Exit codes: 0 when the report was written (whatever it found), 1 when the input
 * could not be read, 2 on usage errors.
 */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assess a schema conversion: convert the source schema to the target engine, verify the result and "
                + "write assessment.json/.html/.pdf, CSV files and converted/*.sql (one file per object, in deploy order).",
                "Sources: a folder or file of Oracle scripts (.sql, .pks, .pkb, .pls; needs --source-engine oracle).",
                "Live Oracle catalogs are not assessed yet: export the DDL to scripts and pass the folder."})
public final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--source", required = true, paramLabel = "<url|name|path>",
            description = "Oracle scripts: a .sql/.pks/.pkb/.pls file or a folder of them (read in name order).")
    String source;

    @Option(names = "--source-engine", paramLabel = "<engine>", description = "Engine of the source scripts: oracle (required for files and folders).")
    String sourceEngine;

    @Option(names = "--target-engine", required = true, paramLabel = "<engine>", description = "Target engine: postgresql.")
    String targetEngine;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder to write the reports into (created if needed).")
    Path out;

    @Option(names = "--schema", paramLabel = "<schema>",
            description = "Target schema for the scripts' objects (once). Default: the file-name prefix before '_' shared by all scripts (hr_create.sql → hr), else public.")
    List<String> schemas = new ArrayList<>();

    static final class VerifyMode {
        @Option(names = "--verify", description = "Deploy the converted SQL into a temporary embedded PostgreSQL (rolled back, then stopped).")
        boolean embedded;

        @Option(names = "--verify-against", paramLabel = "<jdbc-url>",
                description = "Deploy the converted SQL into this PostgreSQL server inside a transaction that is rolled back.")
        String url;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    VerifyMode verify;

    @Option(names = "--project", paramLabel = "<p.json>", description = "Project file: endpoint names and its type mappings.")
    Path project;

    @Option(names = "--page-size", paramLabel = "a4|letter", defaultValue = "a4", description = "PDF page size (default: ${DEFAULT-VALUE}).")
    String pageSize;

    @Option(names = "--type-map", paramLabel = "<rules.json>",
            description = "Type mapping rules: a JSON array of rules as in a project file's typeMappings (or a project file).")
    Path typeMap;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PageSize size;
        try {
            size = PageSize.parse(pageSize);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        Engine target = engine(targetEngine, "--target-engine");
        if (target != Engine.POSTGRESQL) {
            throw new ConfigurationException("--target-engine " + targetEngine + " is not supported: assessments convert to postgresql");
        }
        Project proj = project == null ? null : loadProject(project);
        Path path = sourcePath(proj);
        if (sourceEngine == null) {
            throw new ConfigurationException("--source-engine is required when --source is a file or folder (" + source
                    + "): e.g. --source-engine oracle");
        }
        if (engine(sourceEngine, "--source-engine") != Engine.ORACLE) {
            throw new ConfigurationException("--source-engine " + sourceEngine + " is not supported: script assessments read oracle scripts");
        }
        if (schemas.size() > 1) {
            throw new ConfigurationException("--schema names the one target schema of the scripts; got " + schemas.size() + ": " + schemas);
        }
        List<TypeMappingRule> rules = new ArrayList<>();
        if (typeMap != null) {
            rules.addAll(loadTypeMap(typeMap));
        }
        if (proj != null) {
            rules.addAll(proj.typeMappings());
        }

        OracleScriptAssessment.Input input;
        OracleScriptAssessment.Converted converted;
        try {
            input = OracleScriptAssessment.collect(path);
            // the converter takes the Oracle spelling: a plain lower-case PostgreSQL name is the folded form of its upper case
            String schema = schemas.isEmpty() ? OracleScriptAssessment.defaultSchema(input.files())
                    : schemas.get(0).matches("[a-z_][a-z0-9_$#]*") ? schemas.get(0).toUpperCase(Locale.ROOT) : schemas.get(0);
            converted = OracleScriptAssessment.convert(input, schema, rules);
        } catch (IOException e) {
            err.println("ferry: cannot read " + path + ": " + describe(e));
            err.flush();
            return ExitCodes.WORK_FAILED;
        }

        long v0 = System.nanoTime();
        ConversionResult result;
        AssessmentReport.Verification verification;
        if (verify != null && verify.embedded) {
            err.println("Starting a temporary embedded PostgreSQL to verify the converted SQL…");
            err.flush();
            Path data = Files.createTempDirectory("ferry-assess-pg");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start()) {
                try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                    st.execute("CREATE DATABASE ferry_assess");
                }
                try (Connection c = pg.getDatabase("postgres", "ferry_assess").getConnection()) {
                    ScratchDeployVerifier.Outcome o = new ScratchDeployVerifier(c).verify(converted.conversion());
                    result = o.result();
                    verification = new AssessmentReport.Verification("embedded", "embedded PostgreSQL " + serverVersion(c),
                            count(result, true), count(result, false));
                }
            } finally {
                deleteTree(data);
            }
        } else if (verify != null && verify.url != null) {
            EndpointArgument.Resolved r = EndpointArgument.resolve(verify.url, project, null, System::getenv);
            if (r.config().engine() != Engine.POSTGRESQL) {
                r.clear();
                throw new ConfigurationException("--verify-against needs a PostgreSQL server, not " + r.config().engine().displayName());
            }
            try (Connection c = ConnectionFactory.open(r.config(), r.password())) {
                ScratchDeployVerifier.Outcome o = new ScratchDeployVerifier(c).verify(converted.conversion());
                result = o.result();
                verification = new AssessmentReport.Verification("target", r.config().describe(),
                        count(result, true), count(result, false));
            } catch (SQLException e) {
                err.println("ferry: cannot verify against " + r.config().describe() + ": " + Redaction.redact(e.getMessage(), r.password()));
                err.flush();
                return ExitCodes.WORK_FAILED;
            } finally {
                r.clear();
            }
        } else {
            result = ReparseVerifier.verify(converted.conversion());
            verification = new AssessmentReport.Verification("reparse", null, count(result, true), count(result, false));
        }
        long verifyMs = (System.nanoTime() - v0) / 1_000_000;

        AssessmentReport report = new AssessmentReport(result, Instant.now(), Version.get(), path.toString(),
                converted.targetSchema(), converted.files(), converted.linesOfCode(),
                new AssessmentReport.Timings(converted.parseMillis(), converted.convertMillis(), verifyMs), verification,
                converted.notes());
        if (!verbose.isVerbose()) {
            // PDFBox warns about substituted standard fonts while the PDF renders; that is noise for this command
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox", "error");
        }
        List<Path> written = AssessmentWriters.writeAll(report, out, size);
        printSummary(stdout, report, written);
        return ExitCodes.OK;
    }

    /** The source as a path; live sources (URLs, endpoint names) are rejected with a clear message. */
    private Path sourcePath(Project proj) {
        String lower = source.toLowerCase(Locale.ROOT);
        boolean url = lower.contains("://") || lower.startsWith("jdbc:") || lower.startsWith("oracle:");
        boolean endpoint = !url && proj != null && proj.endpoint(source).isPresent();
        if (url || endpoint) {
            throw new ConfigurationException("--source " + (endpoint ? "endpoint '" + source + "'" : Redaction.redact(source))
                    + " is a live database: live Oracle assessment is not supported yet; it reads scripts for now. "
                    + "Export the schema DDL to .sql files (e.g. with DBMS_METADATA.GET_DDL or SQL Developer) and pass the file or folder.");
        }
        return Path.of(source);
    }

    private static Engine engine(String text, String option) {
        try {
            return Engine.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(option + ": " + e.getMessage());
        }
    }

    private static Project loadProject(Path file) {
        try {
            return ProjectFiles.load(file);
        } catch (ProjectFileException e) {
            throw new ConfigurationException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Rules from a JSON array (the project file's {@code typeMappings} format) or from a whole project file. */
    static List<TypeMappingRule> loadTypeMap(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read: " + describe(e), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String json = text.strip().startsWith("[")
                ? "{\"formatVersion\": 1, \"name\": \"type-map\", \"typeMappings\": " + text + "}" : text;
        try {
            return ProjectFiles.parse(file.getFileName().toString(), json).typeMappings();
        } catch (ProjectFileException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    private static int count(ConversionResult r, boolean verified) {
        return (int) r.objects().stream().filter(o -> o.converted() && o.verified() == verified).count();
    }

    private static String serverVersion(Connection c) {
        try {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it up eventually
        }
    }

    private void printSummary(PrintWriter console, AssessmentReport report, List<Path> written) {
        AssessmentReport.Summary s = report.summary();
        console.printf(Locale.ROOT, "Assessed %s → %s schema %s: %d objects from %d file(s), %d lines of code%n",
                report.sourceDescription(), report.conversion().targetEngine().displayName(), report.targetSchema(),
                s.objects(), report.files().size(), s.linesOfCode());
        Map<ObjectStatus, Long> counts = report.conversion().countsByStatus();
        console.printf(Locale.ROOT, "  AUTO %d · AUTO_WITH_WARNINGS %d · MANUAL %d → %.1f%% converted automatically%n",
                counts.get(ObjectStatus.AUTO), counts.get(ObjectStatus.AUTO_WITH_WARNINGS), counts.get(ObjectStatus.MANUAL),
                s.autoConvertedPercent());
        console.printf(Locale.ROOT, "  estimated effort %d min (%.1f h), complexity %s%n", s.estimatedEffortMinutes(),
                s.estimatedEffortHours(), s.complexity());
        AssessmentReport.Verification v = report.verification();
        console.printf(Locale.ROOT, "  verification: %s%s, %d verified, %d failed (parse %d ms, convert %d ms, verify %d ms)%n",
                v.mode(), v.target() == null ? "" : " (" + v.target() + ")", v.deployed(), v.failed(),
                report.timings().parseMillis(), report.timings().convertMillis(), report.timings().verifyMillis());
        report.notes().forEach(n -> console.println("  note: " + n));
        long sqlFiles = written.stream().filter(p -> p.getFileName().toString().endsWith(".sql")).count();
        console.println("Wrote:");
        for (Path p : written) {
            if (!p.getFileName().toString().endsWith(".sql")) {
                console.println("  " + p);
            }
        }
        console.println("  " + sqlFiles + " SQL file(s) in " + out.resolve("converted"));
        console.flush();
    }

    }
