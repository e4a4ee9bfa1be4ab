package dev.ferry.converter.sqlite;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.Directions;
import dev.ferry.converter.parse.ScriptSchema;
import dev.ferry.converter.parse.mysql.MySqlParserFacade;
import dev.ferry.converter.parse.mysql.MySqlScriptSchemaBuilder;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleScriptSchemaBuilder;
import dev.ferry.converter.parse.postgres.PostgresScriptSchemaBuilder;
import dev.ferry.converter.parse.sqlite.SqliteScriptSchemaBuilder;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for the directions into SQLite: a script of each source dialect ({@code golden/<dialect>/<file>.sql}) is
 * modelled with that dialect's script schema builder, converted through {@link Directions} and verified by
 * {@link SqliteTargetVerifier} (re-parse with our SQLite grammar and deploy into an in-memory SQLite); the text form
 * must equal {@code golden/expected/sqlite/<case>.sql}. A missing expectation fails and is written to
 * {@code target/golden-new/sqlite/} for review.
 */
class SqliteGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path EXPECTED = GOLDEN.resolve("expected/sqlite");
    static final Path NEW = Path.of("target/golden-new/sqlite");

    /** case name → source engine and input file. */
    static final Map<String, String> CASES = Map.of(
            "pg_tables", "postgres/pg_tables.sql",
            "mysql_types", "mysql/mysql_types.sql",
            "mysql_indexes", "mysql/mysql_indexes.sql",
            "oracle_types", "oracle/types.sql",
            "oracle_constraints", "oracle/constraints.sql",
            "sqlite_constraints", "sqlite/sqlite_constraints.sql",
            "sqlite_types", "sqlite/sqlite_types.sql");

    static List<String> cases() {
        return CASES.keySet().stream().sorted().toList();
    }

    static Engine engine(String name) {
        return name.startsWith("pg_") ? Engine.POSTGRESQL : name.startsWith("mysql_") ? Engine.MYSQL
                : name.startsWith("oracle_") ? Engine.ORACLE : Engine.SQLITE;
    }

    static Schema model(String name) throws IOException {
        Path file = GOLDEN.resolve(CASES.get(name));
        String text = Files.readString(file);
        return switch (engine(name)) {
            case POSTGRESQL -> built(new PostgresScriptSchemaBuilder("public").build(List.of(new ScriptSchema.File(name, text))));
            case SQLITE -> built(new SqliteScriptSchemaBuilder().build(List.of(new ScriptSchema.File(name, text))));
            case MYSQL -> new MySqlScriptSchemaBuilder().build("golden", new MySqlParserFacade().parse(name + ".sql", text).orThrow());
            case ORACLE -> new OracleScriptSchemaBuilder().build("GOLDEN", new OracleParserFacade().parseFile(file));
        };
    }

    private static Schema built(ScriptSchema s) {
        assertThat(s.errors()).isEmpty();
        return s.schema();
    }

    static ConversionResult convert(String name, List<TypeMappingRule> rules) throws Exception {
        Schema schema = model(name);
        ConversionResult r = Directions.converter(engine(name), Engine.SQLITE).orElseThrow()
                .convert(new ConversionRequest(schema, null, rules, null));
        try (Connection scratch = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            return Directions.verifier(Engine.SQLITE).orElseThrow().deploy(scratch, r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesExpectationAndDeploys(String name) throws Exception {
        ConversionResult r = convert(name, List.of());
        String actual = format(r);
        Path expected = EXPECTED.resolve(name + ".sql");
        if (!Files.exists(expected)) {
            Files.createDirectories(NEW);
            Files.writeString(NEW.resolve(name + ".sql"), actual);
        }
        assertThat(expected).as("expectation for " + name + " (new output written to " + NEW + ")").exists();
        assertThat(actual).isEqualTo(Files.readString(expected));
        // the honesty rule: every converted table and index deployed into SQLite
        for (ConvertedObject o : r.objects()) {
            if (o.converted()) {
                assertThat(o.verified()).as(o.key() + " " + o.actionItems()).isTrue();
                assertThat(o.status()).isNotEqualTo(ObjectStatus.MANUAL);
            } else {
                assertThat(o.status()).isEqualTo(ObjectStatus.MANUAL);
                assertThat(o.actionItems()).as(o.key()).isNotEmpty();
            }
        }
        assertThat(r.objects().stream().filter(o -> o.type().equals("TABLE"))).isNotEmpty().allMatch(ConvertedObject::converted);
    }

    @Test
    void registeredForEverySourceEngine() {
        for (Engine e : List.of(Engine.POSTGRESQL, Engine.MYSQL, Engine.ORACLE, Engine.SQLITE)) {
            assertThat(Directions.converter(e, Engine.SQLITE)).as(e.name()).get().isInstanceOf(ToSqliteConverter.class);
        }
        assertThat(Directions.verifier(Engine.SQLITE)).get().isInstanceOf(SqliteTargetVerifier.class);
    }

    @Test
    void aBrokenObjectIsNotVerified() throws Exception {
        ConversionResult r = convert("pg_tables", List.of(new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null,
                "integer", null, null, null, "INTEGER CHECK (", List.of())));
        List<ConvertedObject> broken = r.objects().stream().filter(o -> o.converted() && o.convertedSql().contains("CHECK (")).toList();
        assertThat(broken).isNotEmpty().noneMatch(ConvertedObject::verified).allMatch(o -> o.status() == ObjectStatus.MANUAL);
        assertThat(broken.get(0)
                .actionItems().stream().map(ActionItem::message).toList().toString()).contains("re-parse with Ferry's SQLite grammar");
    }

    @Test
    void typesKeepTheirValueKindInSqlite() throws Exception {
        // what the loader and validator see: the declared types read back from a real SQLite file
        ConversionResult r = convert("mysql_types", List.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (ConvertedObject o : r.inDeployOrder()) {
                if (o.converted()) {
                    c.createStatement().executeUpdate(o.convertedSql());
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(r.objects().stream().filter(o -> o.type().equals("TABLE")).count());
            }
        }
    }

    /** Objects in deploy order (then the unconverted ones): type, name, phase, status and items, then the SQL. */
    static String format(ConversionResult r) {
        StringBuilder sb = new StringBuilder();
        List<ConvertedObject> ordered = new java.util.ArrayList<>(r.inDeployOrder());
        r.objects().stream().filter(o -> !ordered.contains(o)).forEach(ordered::add);
        for (ConvertedObject o : ordered) {
            sb.append("-- ").append(o.type()).append(' ').append(o.schema() == null ? "" : o.schema() + ".")
                    .append(o.name()).append(" [").append(o.deployPhase()).append("] ").append(o.status()).append('\n');
            for (ActionItem i : o.actionItems()) {
                sb.append("--   ").append(i.code()).append(' ').append(i.severity()).append(": ").append(i.message()).append('\n');
            }
            sb.append(o.converted() ? o.convertedSql() + ";" : "-- NOT CONVERTED").append("\n\n");
        }
        return sb.toString();
    }
}
