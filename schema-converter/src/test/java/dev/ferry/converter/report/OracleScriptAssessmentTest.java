package dev.ferry.converter.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OracleScriptAssessmentTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsReadInNameOrderWithoutItsInstallDriver() throws Exception {
        Files.writeString(dir.resolve("shop_views.sql"), "CREATE VIEW v AS SELECT id FROM t;\n");
        Files.writeString(dir.resolve("shop_create.sql"), "CREATE TABLE t (id NUMBER(5) PRIMARY KEY);\n");
        Files.writeString(dir.resolve("shop_install.sql"), "PROMPT installing\n@@shop_create.sql\n@@shop_views\n");
        Files.writeString(dir.resolve("shop_pkg.pks"), "CREATE OR REPLACE PACKAGE p AS PROCEDURE x; END;\n/\n");
        Files.writeString(dir.resolve("readme.txt"), "not a script");
        OracleScriptAssessment.Input input = OracleScriptAssessment.collect(dir);
        assertThat(input.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("shop_create.sql", "shop_pkg.pks", "shop_views.sql");
        assertThat(input.notes()).singleElement().asString().startsWith("shop_install.sql was not read")
                .contains("shop_create.sql, shop_views.sql");
        assertThat(OracleScriptAssessment.defaultSchema(input.files())).isEqualTo("SHOP");

        OracleScriptAssessment.Converted c = OracleScriptAssessment.convert(input, "SHOP", List.of());
        assertThat(c.targetSchema()).isEqualTo("shop");
        assertThat(c.files()).containsExactly("shop_create.sql", "shop_pkg.pks", "shop_views.sql");
        // the view in one file reads the table of another; every object names its own file
        assertThat(c.conversion().object("VIEW:shop.v").orElseThrow().sourceFile()).isEqualTo("shop_views.sql");
        assertThat(c.conversion().object("TABLE:shop.t").orElseThrow().sourceFile()).isEqualTo("shop_create.sql");
        assertThat(c.conversion().objects()).anyMatch(o -> "shop_pkg.pks".equals(o.sourceFile()));
        assertThat(c.linesOfCode()).isEqualTo(4); // 1 + 2 (the "/" line counts) + 1
    }

    @Test
    void defaultSchemaFallsBackToPublic() {
        assertThat(OracleScriptAssessment.defaultSchema(List.of(Path.of("hr_create.sql"), Path.of("co_create.sql")))).isEqualTo("PUBLIC");
        assertThat(OracleScriptAssessment.defaultSchema(List.of(Path.of("Chinook_Oracle.sql")))).isEqualTo("CHINOOK");
        assertThat(OracleScriptAssessment.defaultSchema(List.of(Path.of("2024-dump.sql")))).isEqualTo("PUBLIC");
    }

    @Test
    void linesOfCodeSkipBlankAndCommentLines() {
        assertThat(AssessmentReport.linesOfCode("""
                -- header
                REM old style
                /* a
                   block */
                CREATE TABLE t (id NUMBER); /* trailing */

                SELECT 1 FROM dual;
                """)).isEqualTo(2);
    }

    @Test
    void aMissingPathOrAnEmptyFolderCannotBeRead() throws IOException {
        assertThatThrownBy(() -> OracleScriptAssessment.collect(dir.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> OracleScriptAssessment.collect(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("no Oracle script files");
    }
}
