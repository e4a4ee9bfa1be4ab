package dev.ferry.converter.parse.oracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SqlPlusScriptTest {

    private static final Path FILE = Path.of("script.sql");

    private static SqlPlusScript split(String text) {
        return SqlPlusScript.parse(text, FILE, Map.of());
    }

    @Test
    void semicolonEndsSqlAndSlashEndsPlsql() {
        SqlPlusScript s = split(String.join("\n",
                "CREATE TABLE t (a VARCHAR2(10) DEFAULT ';');",        // 1
                "SELECT 'a;b' /* ; */ -- ;",                           // 2
                "  FROM dual;",                                        // 3
                "CREATE OR REPLACE PROCEDURE p IS",                    // 4
                "BEGIN",                                               // 5
                "  NULL; -- a ; inside",                               // 6
                "END;",                                                // 7
                "/",                                                   // 8
                "UPDATE t SET a = q'[;]'",                             // 9
                "/",                                                   // 10
                "DECLARE x NUMBER; BEGIN x := 1; END;",                // 11
                "/",                                                   // 12
                "commit; insert into t values ('x');",                 // 13
                ""));
        assertThat(s.problems()).isEmpty();
        assertThat(s.texts()).containsExactly(
                "CREATE TABLE t (a VARCHAR2(10) DEFAULT ';')",
                "SELECT 'a;b' /* ; */ -- ;\n  FROM dual",
                "CREATE OR REPLACE PROCEDURE p IS\nBEGIN\n  NULL; -- a ; inside\nEND;",
                "UPDATE t SET a = q'[;]'",
                "DECLARE x NUMBER; BEGIN x := 1; END;",
                "commit",
                "insert into t values ('x')");
        assertThat(s.statements()).extracting(SqlPlusScript.Statement::line).containsExactly(1, 2, 4, 9, 11, 13, 13);
        assertThat(s.statements()).extracting(SqlPlusScript.Statement::column).containsExactly(1, 1, 1, 1, 1, 1, 9);
        assertThat(s.statements()).extracting(SqlPlusScript.Statement::plsql)
                .containsExactly(false, false, true, false, true, false, false);
    }

    @Test
    void slashInsideMultiLineStringOrCommentDoesNotTerminate() {
        SqlPlusScript s = split("BEGIN\n  x := 'line\n/\nmore';\n  /*\n/\n*/\nEND;\n/\n");
        assertThat(s.statements()).hasSize(1);
        assertThat(s.statements().get(0).text()).isEqualTo("BEGIN\n  x := 'line\n/\nmore';\n  /*\n/\n*/\nEND;");
    }

    @Test
    void semicolonsInMultiLineCommentsAndQuotesDoNotTerminate() {
        SqlPlusScript s = split("SELECT 1 /* a ;\n  still ; comment */ , q'{x;\n;y}' ,\n \"odd;name\" FROM dual;\nSELECT 2 FROM dual;\n");
        assertThat(s.texts()).containsExactly(
                "SELECT 1 /* a ;\n  still ; comment */ , q'{x;\n;y}' ,\n \"odd;name\" FROM dual",
                "SELECT 2 FROM dual");
        assertThat(s.statements().get(1).line()).isEqualTo(5);
    }

    @Test
    void sqlPlusCommandsAreSkippedAndReportedWithLines() {
        SqlPlusScript s = split(String.join("\n",
                "REM a remark",                    // 1
                "rem another",                     // 2
                "PROMPT Creating ...",             // 3
                "SET ECHO OFF",                    // 4
                "SET SERVEROUTPUT ON;",            // 5
                "WHENEVER SQLERROR EXIT SQL.SQLCODE", // 6
                "SPOOL out.log",                   // 7
                "CONNECT scott/tiger@db",          // 8
                "SHOW ERRORS",                     // 9
                "-- a comment",                    // 10
                "/* block",                        // 11
                "   comment */",                   // 12
                "SET TRANSACTION READ ONLY;",      // 13: SQL, not SQL*Plus
                "pro short form",                  // 14
                "SELECT 1 FROM dual;",             // 15
                "EXIT",                            // 16
                ""));
        assertThat(s.texts()).containsExactly("SET TRANSACTION READ ONLY", "SELECT 1 FROM dual");
        assertThat(s.statements()).extracting(SqlPlusScript.Statement::line).containsExactly(13, 15);
        assertThat(s.skippedCommands()).extracting(SqlPlusScript.SkippedCommand::line)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 16);
        assertThat(s.skippedCommands().get(7).command()).isEqualTo("CONNECT ***"); // no credentials kept
        assertThat(s.skippedCommands().get(2).command()).isEqualTo("PROMPT Creating ...");
    }

    @Test
    void defineAndSubstitution() {
        SqlPlusScript s = split(String.join("\n",
                "DEFINE owner = hr",
                "DEFINE tbs = 'users'",
                "CREATE TABLE &owner..emp (a NUMBER) TABLESPACE &&tbs;",
                "SELECT '&owner' FROM dual; -- &ignored_in_comment",
                "UNDEFINE owner",
                "SELECT &owner FROM dual;",
                "SET DEFINE OFF",
                "SELECT 'R&D' FROM dual;",
                ""));
        assertThat(s.texts()).containsExactly(
                "CREATE TABLE hr.emp (a NUMBER) TABLESPACE users",
                "SELECT 'hr' FROM dual",
                "SELECT  FROM dual",
                "SELECT 'R&D' FROM dual");
        assertThat(s.problems()).extracting(SqlPlusScript.Problem::toString)
                .containsExactly("script.sql:6:8: substitution variable &owner is not defined (use DEFINE owner = value)");
        // the substituted value maps back to the position of its '&'
        SqlPlusScript.Statement first = s.statements().get(0);
        assertThat(first.columnAt("CREATE TABLE ".length())).isEqualTo(14);
        assertThat(first.columnAt("CREATE TABLE hr".length())).isEqualTo(21);   // the second '.' of "&owner.."
        assertThat(first.columnAt("CREATE TABLE hr.".length())).isEqualTo(22);  // 'e' of emp
    }

    @Test
    void acceptAndColumnNewValueDefineVariables() {
        SqlPlusScript s = split(String.join("\n",
                "ACCEPT pass PROMPT 'Password: ' HIDE",
                "ACCEPT tbs PROMPT 'Tablespace: ' DEFAULT 'USERS'",
                "COLUMN property_value NEW_VALUE def_tbs NOPRINT",
                "CREATE USER u IDENTIFIED BY \"&pass\" DEFAULT TABLESPACE &tbs TEMPORARY TABLESPACE &def_tbs;",
                ""));
        assertThat(s.problems()).isEmpty();
        assertThat(s.texts()).containsExactly(
                "CREATE USER u IDENTIFIED BY \"pass\" DEFAULT TABLESPACE USERS TEMPORARY TABLESPACE def_tbs");
    }

    @Test
    void predefinedArgumentsAndExecShorthand() {
        SqlPlusScript s = SqlPlusScript.parse("EXEC dbms_stats.gather_schema_stats('&1')\nSELECT &2 FROM dual;\n",
                FILE, Map.of("1", "HR", "2", "42"));
        assertThat(s.texts()).containsExactly("BEGIN dbms_stats.gather_schema_stats('HR'); END;", "SELECT 42 FROM dual");
        assertThat(s.statements().get(0).plsql()).isTrue();
    }

    @Test
    void includesAreExpandedRelativeToTheIncludingFile(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("main.sql"), String.join("\n",
                "PROMPT main",
                "CREATE TABLE a (x NUMBER);",
                "@@sub/child.sql",
                "CREATE TABLE c (x NUMBER);",
                ""));
        Files.writeString(sub.resolve("child.sql"), String.join("\n",
                "REM child",
                "",
                "CREATE TABLE b (x NUMBER);",
                "@@grandchild HR 'two words'",
                ""));
        Files.writeString(sub.resolve("grandchild.sql"), "BEGIN\n  NULL;\nEND;\n/\nSELECT '&1' FROM dual;\n");
        SqlPlusScript s = SqlPlusScript.read(dir.resolve("main.sql"));
        assertThat(s.problems()).isEmpty();
        assertThat(s.texts()).containsExactly("CREATE TABLE a (x NUMBER)", "CREATE TABLE b (x NUMBER)",
                "BEGIN\n  NULL;\nEND;", "SELECT 'HR' FROM dual", "CREATE TABLE c (x NUMBER)");
        List<SqlPlusScript.Statement> st = s.statements();
        assertThat(st.get(1).file().getFileName().toString()).isEqualTo("child.sql");
        assertThat(st.get(1).line()).isEqualTo(3);
        assertThat(st.get(2).file().getFileName().toString()).isEqualTo("grandchild.sql");
        assertThat(st.get(3).line()).isEqualTo(5);
        assertThat(st.get(4).file().getFileName().toString()).isEqualTo("main.sql");
        assertThat(st.get(4).line()).isEqualTo(4);
    }

    @Test
    void missingAndCyclicIncludesAreReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.sql");
        Path b = dir.resolve("b.sql");
        Files.writeString(a, "SELECT 1 FROM dual;\n@@b.sql\n@@missing.sql\n");
        Files.writeString(b, "SELECT 2 FROM dual;\n\n@@a.sql\n");
        SqlPlusScript s = SqlPlusScript.read(a);
        assertThat(s.texts()).containsExactly("SELECT 1 FROM dual", "SELECT 2 FROM dual");
        assertThat(s.problems()).extracting(SqlPlusScript.Problem::toString).containsExactly(
                b + ":3:1: include cycle: a.sql -> b.sql -> a.sql",
                a + ":3:1: cannot read included file " + dir.resolve("missing.sql") + " (NoSuchFileException)");
    }

    @Test
    void parserErrorsInIncludedFilesNameThatFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.sql"), "CREATE TABLE ok (x NUMBER);\n@@broken.sql\n");
        Files.writeString(dir.resolve("broken.sql"), "\n\n  CREATE TABLE bad (x NUMBER,);\n");
        OracleParseResult r = new OracleParserFacade().parseFile(dir.resolve("main.sql"));
        assertThat(r.statements()).hasSize(1);
        assertThat(r.errors()).extracting(Throwable::getMessage)
                .containsExactly(dir.resolve("broken.sql") + ":3:30: unexpected ')'");
    }
}
