package dev.ferry.converter.report;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.verify.ReparseVerifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A small Oracle script (with markup in a literal and one syntax error) assessed offline, for the writer tests. */
final class ReportFixtures {

    /** Line 2 declares a NUMBER without precision (ORA-PG-0201); line 13 has a syntax error at column 25. */
    static final String SCRIPT = """
            CREATE TABLE regions (
              region_id NUMBER CONSTRAINT regions_pk PRIMARY KEY,
              region_name VARCHAR2(25) DEFAULT '<script>alert(1)</script>'
            );
            CREATE SEQUENCE regions_seq START WITH 10;
            CREATE INDEX regions_name_ix ON regions (region_name);
            CREATE VIEW big_regions AS SELECT region_id, NVL(region_name, 'x, "y"') AS name FROM regions WHERE region_id > 1 WITH READ ONLY;
            CREATE OR REPLACE PROCEDURE touch_regions IS
            BEGIN
              UPDATE regions SET region_name = region_name;
            END;
            /
            CREATE TABLE broken (id NUMBER,, name VARCHAR2(10));
            """;

    private ReportFixtures() {
    }

    /** Writes {@link #SCRIPT} as {@code geo_create.sql} in {@code dir} and assesses it (re-parse verification). */
    static AssessmentReport report(Path dir) throws IOException {
        Path file = dir.resolve("geo_create.sql");
        Files.writeString(file, SCRIPT);
        OracleScriptAssessment.Input input = OracleScriptAssessment.collect(dir);
        OracleScriptAssessment.Converted c = OracleScriptAssessment.convert(input,
                OracleScriptAssessment.defaultSchema(input.files()), List.of());
        ConversionResult verified = ReparseVerifier.verify(c.conversion());
        int ok = (int) verified.objects().stream().filter(o -> o.converted() && o.verified()).count();
        int failed = (int) verified.objects().stream().filter(o -> o.converted() && !o.verified()).count();
        return new AssessmentReport(verified, Instant.parse("2026-01-02T03:04:05Z"), "test", dir.toString(), c.targetSchema(),
                c.files(), c.linesOfCode(), new AssessmentReport.Timings(c.parseMillis(), c.convertMillis(), 0),
                new AssessmentReport.Verification("reparse", null, ok, failed), c.notes());
    }
}
