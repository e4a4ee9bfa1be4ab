package dev.ferry.app.assess;

import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.report.AssessmentWriters;
import dev.ferry.converter.report.PageSize;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing an assessment with the converter's writers and reading the folder back gives the same objects. */
class AssessmentFoldersTest {

    static final String SCRIPT = """
            CREATE TABLE shop_orders (
              order_id NUMBER(10) PRIMARY KEY,
              amount NUMBER,
              placed DATE DEFAULT SYSDATE
            );
            CREATE INDEX shop_orders_placed_ix ON shop_orders (placed);
            CREATE OR REPLACE VIEW shop_big AS SELECT order_id, NVL(amount, 0) AS amount FROM shop_orders WHERE amount > 100;
            CREATE TABLEX broken (id NUMBER);
            """;

    @TempDir
    Path dir;

    AssessmentReport assess() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("shop_create.sql"), SCRIPT);
        return ScriptAssessments.run(new ScriptAssessments.Request(scripts, Engine.ORACLE, Engine.POSTGRESQL, null, null, null),
                null, m -> { });
    }

    @Test
    void readsBackWhatTheWritersWrote() throws Exception {
        AssessmentReport written = assess();
        Path out = dir.resolve("out");
        AssessmentWriters.writeAll(written, out, PageSize.A4);

        AssessmentReport read = AssessmentFolders.read(out);

        assertThat(read.summary()).isEqualTo(written.summary());
        assertThat(read.objects()).extracting(ConvertedObject::key)
                .containsExactlyInAnyOrderElementsOf(written.objects().stream().map(ConvertedObject::key).toList());
        for (ConvertedObject w : written.objects()) {
            ConvertedObject r = read.conversion().object(w.key()).orElseThrow();
            assertThat(r.status()).as(w.key()).isEqualTo(w.status());
            assertThat(r.actionItems()).as(w.key()).isEqualTo(w.actionItems());
            assertThat(r.sourceLine()).as(w.key()).isEqualTo(w.sourceLine());
            String expected = w.convertedSql() == null ? null : w.convertedSql().strip();
            String actual = r.convertedSql() == null ? null : r.convertedSql().replaceAll(";$", "");
            assertThat(actual).as(w.key()).isEqualTo(expected == null ? null : expected.replaceAll(";$", ""));
        }
        assertThat(read.objects()).as("the syntax error comes back as a MANUAL object with its item")
                .anySatisfy(o -> {
                    assertThat(o.status()).isEqualTo(ObjectStatus.MANUAL);
                    assertThat(o.convertedSql()).isNull();
                    assertThat(o.actionItems()).anySatisfy(i -> assertThat(i.message()).startsWith("Syntax error at shop_create.sql:8:"));
                });
        assertThat(read.verification()).isEqualTo(written.verification());
        assertThat(read.targetSchema()).isEqualTo("shop");
    }

    @Test
    void editsRoundTripAndMarkTheReports() throws Exception {
        AssessmentReport report = assess();
        Path out = dir.resolve("out");
        ConvertedObject view = report.conversion().object("VIEW:shop.shop_big").orElseThrow();
        String sql = "CREATE VIEW shop.shop_big AS SELECT order_id, coalesce(amount, 0) AS amount FROM shop.shop_orders WHERE amount > 1000";
        AssessmentFolders.writeEdits(out, Map.of(view.key(), sql));
        assertThat(AssessmentFolders.readEdits(out)).containsExactly(Map.entry(view.key(), sql));

        ConvertedObject edited = EditedObjects.edited(view, sql);
        assertThat(edited.status()).as("an edit is MANUAL until verified").isEqualTo(ObjectStatus.MANUAL);
        assertThat(EditedObjects.isEdited(edited)).isTrue();
        AssessmentWriters.writeAll(EditedObjects.apply(report, Map.of(view.key(), edited)), out, PageSize.A4);
        assertThat(Files.readString(out.resolve("assessment.json"))).contains(EditedObjects.EDITED_CODE);
        assertThat(Files.readString(out.resolve("assessment.html"))).contains(EditedObjects.EDITED_CODE);
        AssessmentReport back = AssessmentFolders.read(out);
        ConvertedObject r = back.conversion().object(view.key()).orElseThrow();
        assertThat(EditedObjects.isEdited(r)).isTrue();
        assertThat(r.convertedSql()).contains("amount > 1000");
    }

    @Test
    void aFolderWithoutAnAssessmentIsAClearError() throws Exception {
        assertThatThrownBy(() -> AssessmentFolders.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("assessment.json").hasMessageContaining("not an assessment folder");
        Files.writeString(dir.resolve("assessment.json"), "{\n  \"formatVersion\": 1,\n  \"objects\": [ oops ]\n}");
        assertThatThrownBy(() -> AssessmentFolders.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("assessment.json: not valid JSON at line 3:");
    }

    @Test
    void theWritersCommentHeaderIsRemoved() {
        String text = "-- TABLE hr.t: AUTO (verified)\n-- source: a.sql:3\n-- ORA-PG-0201 LOW @4:7: x\nCREATE TABLE t (a int);\n";
        assertThat(AssessmentFolders.stripHeader(text, true, 1)).isEqualTo("CREATE TABLE t (a int);");
        assertThat(AssessmentFolders.stripHeader("-- VIEW v: AUTO\n-- keep me\nSELECT 1;", false, 0)).isEqualTo("-- keep me\nSELECT 1;");
    }
}
