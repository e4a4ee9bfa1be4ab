package dev.ferry.app.convert;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.Directions;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.converter.target.mysql.MySqlTargetVerifier;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Converts a source schema to MySQL with the registered direction, verifies it in a throw-away database on the
 * embedded MariaDB, deploys it for real into a fresh database and reads that database back with the engine's MySQL
 * catalog reader, so each corpus IT can compare the deployed catalog with the source model.
 */
final class MySqlTargetHarness {

    /** The verified conversion, the real deploy's outcome and the deployed catalog. */
    record Run(ConversionResult verified, MySqlTargetVerifier.Outcome deploy, Schema deployed, String database) {

        long count(ObjectStatus s) {
            return verified.objects().stream().filter(o -> o.status() == s).count();
        }

        /** "TYPE status=n" lines for the closing report. */
        String figures(String direction) {
            Map<String, long[]> byType = new TreeMap<>();
            for (ConvertedObject o : verified.objects()) {
                long[] c = byType.computeIfAbsent(o.type(), k -> new long[4]);
                c[o.status().ordinal()]++;
                if (o.verified()) {
                    c[3]++;
                }
            }
            StringBuilder sb = new StringBuilder(direction + ": " + verified.objects().size() + " objects, AUTO "
                    + count(ObjectStatus.AUTO) + ", AUTO_WITH_WARNINGS " + count(ObjectStatus.AUTO_WITH_WARNINGS) + ", MANUAL "
                    + count(ObjectStatus.MANUAL) + "; deployed " + deploy.deployed() + ", failed " + deploy.failed() + "\n");
            byType.forEach((t, c) -> sb.append(String.format("  %-12s AUTO %d, WARN %d, MANUAL %d, verified %d%n", t, c[0], c[1], c[2], c[3])));
            return sb.toString();
        }
    }

    private MySqlTargetHarness() {
    }

    static Run run(Engine sourceEngine, Schema source, String targetPrefix) throws Exception {
        SchemaConverter converter = Directions.converter(sourceEngine, Engine.MYSQL).orElseThrow();
        MySqlTargetVerifier verifier = (MySqlTargetVerifier) Directions.verifier(Engine.MYSQL).orElseThrow();
        TestServer my = TestDatabases.mysql();
        String db = my.createDatabase(targetPrefix);
        ConversionResult converted = converter.convert(new ConversionRequest(source, db, List.of(), null));
        try (Connection c = my.connect()) {
            ConversionResult verified = verifier.verify(c, converted).result();
            // the scratch database is gone
            try (var rs = c.createStatement().executeQuery("select count(*) from information_schema.SCHEMATA where SCHEMA_NAME like 'ferry_verify_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("scratch databases left behind").isZero();
            }
            MySqlTargetVerifier.Outcome deploy = verifier.deployInto(c, converted);
            // honesty: every AUTO object deploys for real too
            for (ConvertedObject o : verified.objects()) {
                if (o.status() != ObjectStatus.MANUAL) {
                    assertThat(deploy.errors()).as("AUTO object " + o.key() + " failed to deploy").doesNotContainKey(o.key());
                }
                if (o.status() == ObjectStatus.MANUAL && o.converted()) {
                    System.out.println("MANUAL " + o.key() + ": " + o.actionItems().get(o.actionItems().size() - 1).message());
                }
            }
            Schema deployed = CatalogReaders.forEngine(Engine.MYSQL).read(c, CatalogRequest.schemas(db), CatalogListener.NO_OP)
                    .schema(db).orElseThrow();
            return new Run(verified, deploy, deployed, db);
        }
    }

    /** A deployed MySQL column type without integer display widths ({@code int(11)} → {@code int}; tinyint(1) kept). */
    static String normalise(String columnType) {
        String t = columnType.toLowerCase(Locale.ROOT);
        if (t.startsWith("tinyint(1)")) {
            return t;
        }
        return t.replaceFirst("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)", "$1");
    }

    /** The column types the converter rendered for a table, from its CREATE TABLE object (column name → type). */
    static Map<String, String> renderedTypes(Run run, Table deployed) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        deployed.columns().forEach(c -> out.put(c.name(), normalise(c.type().declared())));
        return out;
    }

    /** Table names of a schema (exact spelling). */
    static List<String> tableNames(Schema s) {
        return s.tables().stream().map(Table::name).sorted().collect(Collectors.toList());
    }
}
