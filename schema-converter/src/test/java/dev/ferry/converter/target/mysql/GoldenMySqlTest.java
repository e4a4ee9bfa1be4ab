package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.parse.mysql.MySqlParseResult;
import dev.ferry.converter.parse.mysql.MySqlParserFacade;
import dev.ferry.converter.parse.mysql.MySqlScriptSchemaBuilder;
import dev.ferry.converter.parse.oracle.OracleParseResult;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleScriptSchemaBuilder;
import dev.ferry.model.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden files for MySQL / MariaDB as the target: each case converts to exactly the text under
 * {@code golden/expected/mysql/<case>.sql}. Cases: every Oracle input of {@code golden/oracle} ({@code oracle_<name>}),
 * every MySQL input of {@code golden/mysql} (homogeneous copy, {@code mysql_<name>}) and the PostgreSQL and SQLite
 * models of {@link GoldenModels}. A missing expectation is written to {@code target/golden-new/mysql} and the test
 * fails. Every converted object must also re-parse with Ferry's MySQL grammar.
 */
class GoldenMySqlTest {

    static final Path ORACLE = Path.of("src/test/resources/golden/oracle");
    static final Path MYSQL = Path.of("src/test/resources/golden/mysql");
    static final Path EXPECTED = Path.of("src/test/resources/golden/expected/mysql");
    static final Path NEW = Path.of("target/golden-new/mysql");

    static List<String> cases() throws IOException {
        List<String> all = new ArrayList<>(List.of("postgresql_model", "sqlite_model"));
        try (Stream<Path> s = Files.list(ORACLE)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).map(n -> "oracle_" + n.substring(0, n.length() - 4)).forEach(all::add);
        }
        try (Stream<Path> s = Files.list(MYSQL)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).map(n -> n.substring(0, n.length() - 4)).forEach(all::add);
        }
        return all.stream().sorted().toList();
    }

    static ConversionResult convert(String name) throws IOException {
        if (name.equals("postgresql_model")) {
            return new PostgresToMySqlConverter().convert(new ConversionRequest(GoldenModels.postgres(), "golden", List.of(), null));
        }
        if (name.equals("sqlite_model")) {
            return new SqliteToMySqlConverter().convert(new ConversionRequest(GoldenModels.sqlite(), "golden", List.of(), null));
        }
        if (name.startsWith("oracle_")) {
            String file = name.substring("oracle_".length()) + ".sql";
            OracleParseResult parsed = new OracleParserFacade().parseScript(Files.readString(ORACLE.resolve(file)), Path.of(file));
            assertThat(parsed.errors()).as("parse errors in " + file).isEmpty();
            Schema s = new OracleScriptSchemaBuilder().build("GOLDEN", parsed);
            return new OracleToMySqlConverter().convert(new ConversionRequest(s, "golden", List.of(), null));
        }
        MySqlParseResult parsed = new MySqlParserFacade().parse(name + ".sql", Files.readString(MYSQL.resolve(name + ".sql")));
        assertThat(parsed.errors()).as("parse errors in " + name).isEmpty();
        Schema s = new MySqlScriptSchemaBuilder().build("golden", parsed);
        return new MySqlToMySqlConverter().convert(new ConversionRequest(s, "golden", List.of(), null));
    }

    static String format(ConversionResult r) {
        StringBuilder sb = new StringBuilder();
        for (ConvertedObject o : r.inDeployOrder()) {
            sb.append("-- ").append(o.type()).append(' ').append(o.name()).append(" [").append(o.deployPhase()).append("]\n");
            for (ActionItem i : o.actionItems()) {
                sb.append("--   ").append(i.code()).append(' ').append(i.severity()).append(": ").append(i.message()).append('\n');
            }
            sb.append(o.converted() ? o.convertedSql() + ";" : "-- NOT CONVERTED").append("\n\n");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsAsExpected(String name) throws IOException {
        ConversionResult result = convert(name);
        Map<String, String> reparse = new MySqlTargetVerifier().reparseErrors(result);
        assertThat(reparse).as("converted objects that do not re-parse with our MySQL grammar").isEmpty();
        String actual = format(result);
        Path expected = EXPECTED.resolve(name + ".sql");
        if (!Files.exists(expected)) {
            Path out = NEW.resolve(name + ".sql");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
            fail("No expectation for golden case '" + name + "'. Review " + out.toAbsolutePath() + " and copy it to "
                    + expected + " if it is right.");
        }
        assertThat(actual).as("golden case " + name + " (expected file " + expected + ")").isEqualTo(Files.readString(expected));
    }

    @Test
    void thereAreCasesForEverySourceEngine() throws IOException {
        assertThat(cases()).contains("postgresql_model", "sqlite_model", "oracle_types", "oracle_views", "mysql_types", "mysql_routines");
    }
}
