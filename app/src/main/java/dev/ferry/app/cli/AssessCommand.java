package dev.ferry.app.cli;

import dev.ferry.app.Version;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.Directions;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.converter.direction.TargetVerifier;
import dev.ferry.converter.report.ScriptAssessment;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Schema;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.report.AssessmentWriters;
import dev.ferry.converter.report.OracleScriptAssessment;
import dev.ferry.converter.report.PageSize;
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
import java.util.Optional;
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
                "Sources: script files or folders (--source-engine oracle|mysql|sqlite|postgresql), or a live database read "
                        + "through its catalog (URL, endpoint name, SQLite file). Live Oracle catalogs are not assessed yet."})
public final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--source", required = true, paramLabel = "<url|name|path>",
            description = {"Scripts: a .sql file or a folder of them (read in name order; Oracle also .pks/.pkb/.pls), or a live "
                    + "database: a URL (postgresql://, mysql://, sqlite:/path), an endpoint name of --project, or an SQLite database file."})
    String source;

    @Option(names = "--source-engine", paramLabel = "<engine>",
            description = "Engine of the source scripts: oracle, mysql, sqlite or postgresql (required for files and folders; checked against a live source).")
    String sourceEngine;

    @Option(names = "--source-schema", paramLabel = "<schema>",
            description = "Schema of a live source to convert. Default: the only schema, else public (PostgreSQL) or the URL's database (MySQL).")
    String sourceSchema;

    @Option(names = "--target-engine", required = true, paramLabel = "<engine>",
            description = "Target engine; the pair must be a registered direction (an unsupported pair lists the supported ones).")
    String targetEngine;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder to write the reports into (created if needed).")
    Path out;

    @Option(names = "--schema", paramLabel = "<schema>",
            description = "Target schema (once). Default: Oracle scripts: the file-name prefix before '_' shared by all scripts (hr_create.sql → hr); SQLite: the file name (chinook.db → chinook); PostgreSQL/MySQL: the source schema.")
    List<String> schemas = new ArrayList<>();

    static final class VerifyMode {
        @Option(names = "--verify", description = "Deploy the converted SQL into a temporary embedded PostgreSQL (rolled back, then stopped).")
        boolean embedded;

        @Option(names = "--verify-against", paramLabel = "<url|name>",
                description = "Deploy the converted SQL into this server of the target engine (rolled back) with the target's registered verifier.")
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
        Project proj = project == null ? null : loadProject(project);
        if (schemas.size() > 1) {
            throw new ConfigurationException("--schema names the one target schema; got " + schemas.size() + ": " + schemas);
        }
        List<TypeMappingRule> rules = new ArrayList<>();
        if (typeMap != null) {
            rules.addAll(loadTypeMap(typeMap));
        }
        if (proj != null) {
            rules.addAll(proj.typeMappings());
        }
        Engine declaredSource = sourceEngine == null ? null : engine(sourceEngine, "--source-engine");
        boolean live = isLive(proj);
        if (!live && declaredSource == null) {
            throw new ConfigurationException("--source-engine is required when --source is a file or folder (" + source
                    + "): e.g. --source-engine oracle|mysql|sqlite|postgresql");
        }
        if (live && declaredSource == Engine.ORACLE) {
            throw new ConfigurationException("--source " + Redaction.redact(source) + " is a live database: live Oracle "
                    + "assessment is not supported yet; it reads scripts for now. Export the schema DDL to .sql files (e.g. with "
                    + "DBMS_METADATA.GET_DDL or SQL Developer) and pass the file or folder.");
        }
        Optional<TargetVerifier> verifier = Directions.verifier(target);
        if (verify != null && verify.embedded && target != Engine.POSTGRESQL) {
            throw new ConfigurationException("--verify starts an embedded PostgreSQL and only verifies --target-engine postgresql; "
                    + "for " + target.displayName() + " use --verify-against <url> of a scratch server");
        }
        if (verify != null && verify.url != null && verifier.isEmpty()) {
            throw new ConfigurationException("--verify-against: no verifier is registered for " + target.displayName()
                    + "; verifiers exist for: " + verifierTargets());
        }

        OracleScriptAssessment.Converted converted;
        String description;
        if (live) {
            Optional<OracleScriptAssessment.Converted> c = convertLive(declaredSource, target, rules, err);
            if (c.isEmpty()) {
                return ExitCodes.WORK_FAILED;
            }
            converted = c.get();
            description = liveDescription;
        } else {
            Path path = Path.of(source);
            description = path.toString();
            Engine src = declaredSource;
            try {
                if (src == Engine.ORACLE) {
                    OracleScriptAssessment.Input input = OracleScriptAssessment.collect(path);
                    if (target != Engine.POSTGRESQL) {
                        if (Directions.converter(src, target).isEmpty()) {
                            throw new ConfigurationException(unsupported(src, target));
                        }
                        converted = OracleScriptAssessment.convertTo(target, input, OracleScriptAssessment.defaultSchema(input.files()),
                                schemas.isEmpty() ? null : schemas.get(0), rules);
                    } else {
                        // the converter takes the Oracle spelling: a plain lower-case PostgreSQL name is the folded form of its upper case
                        String schema = schemas.isEmpty() ? OracleScriptAssessment.defaultSchema(input.files())
                                : schemas.get(0).matches("[a-z_][a-z0-9_$#]*") ? schemas.get(0).toUpperCase(Locale.ROOT) : schemas.get(0);
                        converted = OracleScriptAssessment.convert(input, schema, rules);
                    }
                } else {
                    boolean mysqlScriptPath = src == Engine.MYSQL && target == Engine.POSTGRESQL;
                    if (!mysqlScriptPath && Directions.converter(src, target).isEmpty()) {
                        throw new ConfigurationException(unsupported(src, target));
                    }
                    OracleScriptAssessment.Input input = ScriptAssessment.collect(path);
                    String schema = !schemas.isEmpty() ? schemas.get(0)
                            : src == Engine.SQLITE ? defaultSchemaFromFile(input.files().size() == 1 ? input.files().get(0) : path) : null;
                    converted = ScriptAssessment.convert(src, target, input, schema, rules);
                }
            } catch (IOException e) {
                err.println("ferry: cannot read " + path + ": " + describe(e));
                err.flush();
                return ExitCodes.WORK_FAILED;
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
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
                    result = verifier.orElseThrow().deploy(c, converted.conversion());
                    verification = new AssessmentReport.Verification("embedded", "embedded PostgreSQL " + serverVersion(c),
                            count(result, true), count(result, false));
                }
            } finally {
                deleteTree(data);
            }
        } else if (verify != null && verify.url != null) {
            EndpointArgument.Resolved r = EndpointArgument.resolve(verify.url, project, null, System::getenv);
            if (r.config().engine() != target) {
                r.clear();
                throw new ConfigurationException("--verify-against needs a " + target.displayName() + " server (the target engine), not "
                        + r.config().engine().displayName());
            }
            try (Connection c = ConnectionFactory.open(r.config(), r.password())) {
                result = verifier.orElseThrow().deploy(c, converted.conversion());
                verification = new AssessmentReport.Verification("target", r.config().describe(),
                        count(result, true), count(result, false));
            } catch (SQLException | IllegalStateException e) {
                err.println("ferry: cannot verify against " + r.config().describe() + ": " + Redaction.redact(e.getMessage(), r.password()));
                err.flush();
                return ExitCodes.WORK_FAILED;
            } finally {
                r.clear();
            }
        } else if (verifier.isPresent()) {
            result = verifier.get().reparse(converted.conversion());
            verification = new AssessmentReport.Verification("reparse", null, count(result, true), count(result, false));
        } else {
            // no verifier for this target: nothing can be AUTO (the honesty rule); every object stays MANUAL
            result = converted.conversion();
            verification = new AssessmentReport.Verification("none", null, 0, count(result, false));
        }
        long verifyMs = (System.nanoTime() - v0) / 1_000_000;

        AssessmentReport report = new AssessmentReport(result, Instant.now(), Version.get(), description,
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

    private String liveDescription;

    /** Whether {@code --source} is a live database: a URL, a project endpoint name or an SQLite database file. */
    private boolean isLive(Project proj) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.contains("://") || lower.startsWith("jdbc:") || lower.startsWith("sqlite:") || lower.startsWith("oracle:")) {
            return true;
        }
        if (proj != null && proj.endpoint(source).isPresent()) {
            return true;
        }
        Path p = Path.of(source);
        if (Files.isRegularFile(p)) {
            if (lower.endsWith(".db") || lower.endsWith(".sqlite") || lower.endsWith(".sqlite3")) {
                return true;
            }
            try (java.io.InputStream in = Files.newInputStream(p)) {
                byte[] head = in.readNBytes(16);
                return new String(head, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3");
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Reads the live catalog and converts the chosen schema; empty (after printing why) when the database cannot be read. */
    private Optional<OracleScriptAssessment.Converted> convertLive(Engine declared, Engine target, List<TypeMappingRule> rules,
                                                                   PrintWriter err) {
        EndpointArgument.Resolved r = EndpointArgument.resolve(source, project, null, System::getenv);
        Engine src = r.config().engine();
        if (declared != null && declared != src) {
            r.clear();
            throw new ConfigurationException("--source-engine " + sourceEngine + " does not match --source, which is a "
                    + src.displayName() + " database");
        }
        if (src == Engine.ORACLE) {
            r.clear();
            throw new ConfigurationException("--source is a live Oracle database: live Oracle assessment is not supported yet; "
                    + "it reads scripts for now. Export the schema DDL to .sql files and pass the file or folder.");
        }
        SchemaConverter converter = Directions.converter(src, target).orElse(null);
        if (converter == null) {
            r.clear();
            throw new ConfigurationException(unsupported(src, target));
        }
        liveDescription = r.config().describe();
        long t0 = System.nanoTime();
        DatabaseModel model;
        try (Connection c = ConnectionFactory.open(r.config(), r.password())) {
            CatalogRequest request = new CatalogRequest(sourceSchema == null ? List.of() : List.of(sourceSchema), false, true);
            model = CatalogReaders.forEngine(src).read(c, request, CatalogListener.NO_OP);
        } catch (SQLException e) {
            err.println("ferry: cannot read the catalog of " + r.config().describe() + ": " + Redaction.redact(e.getMessage(), r.password()));
            err.flush();
            return Optional.empty();
        } finally {
            r.clear();
        }
        Schema schema = pickSchema(model, src);
        long readMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        String targetSchema = !schemas.isEmpty() ? schemas.get(0)
                : src == Engine.SQLITE ? defaultSchemaFromFile(Path.of(model.database() == null ? "main" : model.database())) : null;
        ConversionResult conversion = converter.convert(new ConversionRequest(schema, targetSchema, rules, null));
        String schemaName = conversion.objects().stream().filter(o -> o.type().equals("SCHEMA")).map(ConvertedObject::name)
                .findFirst().orElse(targetSchema == null ? schema.name() : targetSchema);
        List<String> notes = new ArrayList<>();
        notes.add("Read from the live catalog of " + liveDescription + ", schema " + schema.name() + " (" + schema.tables().size()
                + " tables, " + schema.views().size() + " views)");
        return Optional.of(new OracleScriptAssessment.Converted(conversion, schemaName, List.of(), 0, readMs,
                (System.nanoTime() - t1) / 1_000_000, notes));
    }

    private Schema pickSchema(DatabaseModel model, Engine src) {
        if (model.schemas().isEmpty()) {
            throw new ConfigurationException("--source " + liveDescription + " has no schema"
                    + (sourceSchema == null ? "" : " named " + sourceSchema));
        }
        if (sourceSchema != null) {
            return model.schema(sourceSchema).orElseThrow(() -> new ConfigurationException("--source-schema " + sourceSchema
                    + " is not in " + liveDescription + "; schemas: " + model.schemas().stream().map(Schema::name).toList()));
        }
        if (model.schemas().size() == 1) {
            return model.schemas().get(0);
        }
        String preferred = src == Engine.POSTGRESQL ? "public" : model.database();
        return model.schemas().stream().filter(x -> x.name().equalsIgnoreCase(preferred)).findFirst()
                .orElseThrow(() -> new ConfigurationException(liveDescription + " has several schemas; choose one with --source-schema: "
                        + model.schemas().stream().map(Schema::name).toList()));
    }

    /** {@code Chinook_Sqlite.sqlite} → {@code chinook_sqlite}: a safe lower-case PostgreSQL name from a file name. */
    static String defaultSchemaFromFile(Path file) {
        String n = file.getFileName() == null ? "main" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String base = (dot > 0 ? n.substring(0, dot) : n).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char ch : base.toCharArray()) {
            sb.append(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_' ? ch : '_');
        }
        String s = sb.length() == 0 ? "main" : sb.toString();
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    private static String unsupported(Engine source, Engine target) {
        return "Converting " + source.displayName() + " to " + target.displayName() + " is not supported; supported directions: "
                + String.join(", ", Directions.supported()) + ", Oracle → PostgreSQL (scripts)";
    }

    private static String verifierTargets() {
        List<String> out = new ArrayList<>();
        for (Engine e : Engine.values()) {
            Directions.verifier(e).ifPresent(v -> out.add(e.displayName()));
        }
        return String.join(", ", out);
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
