package dev.ferry.converter.render;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.parse.oracle.OracleParseResult;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleToPostgresConverter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared helpers for the golden-file tests: the cases, converting one, and the text form compared with expectations. */
final class GoldenCases {

    static final Path INPUT = Path.of("src/test/resources/golden/oracle");
    /** MySQL / MariaDB inputs; their case names start with {@code mysql_} so expectations never clash with Oracle's. */
    static final Path MYSQL_INPUT = Path.of("src/test/resources/golden/mysql");
    static final Path EXPECTED = Path.of("src/test/resources/golden/expected/postgresql");
    static final Path NEW = Path.of("target/golden-new/postgresql");

    private GoldenCases() {
    }

    static List<String> names() throws IOException {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (Path dir : List.of(INPUT, MYSQL_INPUT)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                        .map(n -> n.substring(0, n.length() - 4)).forEach(all::add);
            }
        }
        return all.stream().sorted().toList();
    }

    static ConversionResult convert(String name) throws IOException {
        Path mysql = MYSQL_INPUT.resolve(name + ".sql");
        if (Files.exists(mysql)) {
            dev.ferry.converter.parse.mysql.MySqlParseResult parsed = new dev.ferry.converter.parse.mysql.MySqlParserFacade()
                    .parse(name + ".sql", Files.readString(mysql));
            assertThat(parsed.errors()).as("parse errors in " + name).isEmpty();
            return new dev.ferry.converter.parse.mysql.MySqlToPostgresConverter().convert("golden", java.util.Set.of("golden"), parsed);
        }
        Path file = INPUT.resolve(name + ".sql");
        OracleParseResult parsed = new OracleParserFacade().parseScript(Files.readString(file), Path.of(name + ".sql"));
        assertThat(parsed.errors()).as("parse errors in " + name).isEmpty();
        return new OracleToPostgresConverter().convert("GOLDEN", parsed);
    }

    /** Objects in deploy order: a header with type, name, phase and items, then the SQL (or a NOT CONVERTED line). */
    static String format(ConversionResult r) {
        StringBuilder sb = new StringBuilder();
        for (ConvertedObject o : r.inDeployOrder()) {
            sb.append("-- ").append(o.type()).append(' ').append(o.schema() == null ? "" : o.schema() + ".")
                    .append(o.name()).append(" [").append(o.deployPhase()).append("] from line ").append(o.sourceLine()).append('\n');
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
