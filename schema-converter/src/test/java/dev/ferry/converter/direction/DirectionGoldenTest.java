package dev.ferry.converter.direction;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.parse.ScriptSchema;
import dev.ferry.converter.parse.postgres.PostgresScriptSchemaBuilder;
import dev.ferry.converter.parse.sqlite.SqliteScriptSchemaBuilder;
import dev.ferry.converter.verify.PostgresTargetVerifier;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for the directions into PostgreSQL from scripts: each {@code golden/sqlite/sqlite_<case>.sql} is modelled
 * by {@link SqliteScriptSchemaBuilder}, each {@code golden/postgres/pg_<case>.sql} by {@link PostgresScriptSchemaBuilder}
 * (schema {@code public}, renamed to {@code golden}), converted through {@link Directions} and re-parse verified; the
 * text form must equal {@code golden/expected/postgresql/<case>.sql}. A missing expectation fails and is written to
 * {@code target/golden-new/postgresql/} for review.
 */
class DirectionGoldenTest {

    static final Path INPUT = Path.of("src/test/resources/golden/sqlite");
    static final Path PG_INPUT = Path.of("src/test/resources/golden/postgres");
    static final Path EXPECTED = Path.of("src/test/resources/golden/expected/postgresql");
    static final Path NEW = Path.of("target/golden-new/postgresql");

    static List<String> cases() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(INPUT), Files.list(PG_INPUT))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    static ConversionResult convert(String name) throws IOException {
        if (name.startsWith("pg_")) {
            ScriptSchema built = new PostgresScriptSchemaBuilder("public").build(List.of(new ScriptSchema.File(name + ".sql",
                    Files.readString(PG_INPUT.resolve(name + ".sql")))));
            assertThat(built.errors()).as("parse errors in " + name).isEmpty();
            return Directions.converter(Engine.POSTGRESQL, Engine.POSTGRESQL).orElseThrow()
                    .convert(new ConversionRequest(built.schema(), "golden", List.of(), k -> built.sources().get(k)));
        }
        ScriptSchema built = new SqliteScriptSchemaBuilder().build(List.of(new ScriptSchema.File(name + ".sql",
                Files.readString(INPUT.resolve(name + ".sql")))));
        assertThat(built.errors()).as("parse errors in " + name).isEmpty();
        SchemaConverter converter = Directions.converter(Engine.SQLITE, Engine.POSTGRESQL).orElseThrow();
        return converter.convert(new ConversionRequest(built.schema(), "golden", List.of(), k -> built.sources().get(k)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesExpectation(String name) throws IOException {
        ConversionResult r = Directions.verifier(Engine.POSTGRESQL).orElseThrow().reparse(convert(name));
        String actual = format(r);
        Path expected = EXPECTED.resolve(name + ".sql");
        if (!Files.exists(expected)) {
            Files.createDirectories(NEW);
            Files.writeString(NEW.resolve(name + ".sql"), actual);
        }
        assertThat(expected).as("expectation for " + name + " (new output written to " + NEW + ")").exists();
        assertThat(actual).isEqualTo(Files.readString(expected));
    }

    @Test
    void registeredDirectionsAndVerifier() {
        assertThat(Directions.supported()).contains("SQLite → PostgreSQL", "PostgreSQL → PostgreSQL",
                "MySQL/MariaDB → PostgreSQL");
        assertThat(Directions.verifier(Engine.POSTGRESQL)).get().isInstanceOf(PostgresTargetVerifier.class);
    }

    /** Objects in deploy order: type, name, phase and items, then the SQL (or a NOT CONVERTED line). */
    static String format(ConversionResult r) {
        StringBuilder sb = new StringBuilder();
        for (ConvertedObject o : r.inDeployOrder()) {
            sb.append("-- ").append(o.type()).append(' ').append(o.schema() == null ? "" : o.schema() + ".")
                    .append(o.name()).append(" [").append(o.deployPhase()).append("] ").append(o.status())
                    .append(" from line ").append(o.sourceLine()).append('\n');
            for (ActionItem i : o.actionItems()) {
                sb.append("--   ").append(i.code()).append(' ').append(i.severity());
                if (i.line() > 0) {
                    sb.append(" @").append(i.line()).append(':').append(i.column());
                }
                sb.append(": ").append(i.message()).append('\n');
            }
            sb.append(o.converted() ? o.convertedSql() + ";" : "-- NOT CONVERTED").append("\n\n");
        }
        return sb.toString();
    }
}
