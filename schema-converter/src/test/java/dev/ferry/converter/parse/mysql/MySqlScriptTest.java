package dev.ferry.converter.parse.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlScriptTest {

    @Test
    void splitsOnSemicolonAndRecordsLineAndColumn() {
        List<MySqlScript.Statement> st = MySqlScript.split("SELECT 1;\n  SELECT 2;  SELECT\n 3\n;\n");
        assertThat(st).extracting(MySqlScript.Statement::text, MySqlScript.Statement::line, MySqlScript.Statement::column,
                        MySqlScript.Statement::offset)
                .containsExactly(tuple("SELECT 1", 1, 1, 0), tuple("SELECT 2", 2, 3, 12), tuple("SELECT\n 3", 2, 14, 23));
    }

    @Test
    void delimiterCommandChangesTheDelimiterForAnyString() {
        String script = """
                DELIMITER ;;
                CREATE TRIGGER a AFTER INSERT ON t FOR EACH ROW BEGIN
                  SET @x = 1;
                END;;
                delimiter $$
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END $$
                DELIMITER //
                SELECT 3 //
                DELIMITER ;
                SELECT 4;
                """;
        List<MySqlScript.Statement> st = MySqlScript.split(script);
        assertThat(st).extracting(MySqlScript.Statement::text, MySqlScript.Statement::delimiter, MySqlScript.Statement::line)
                .containsExactly(
                        tuple("CREATE TRIGGER a AFTER INSERT ON t FOR EACH ROW BEGIN\n  SET @x = 1;\nEND", ";;", 2),
                        tuple("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "$$", 6),
                        tuple("SELECT 3", "//", 8),
                        tuple("SELECT 4", ";", 10));
        assertThat(st).noneMatch(MySqlScript.Statement::clientCommand);
    }

    @Test
    void delimitersInsideQuotesAndCommentsDoNotSplit() {
        String script = "SELECT ';', \"a;b\", `x;y`, 'it\\'s;', 'it''s;' -- c;\n # d;\n /* e; */ FROM t;\nSELECT 2";
        List<MySqlScript.Statement> st = MySqlScript.split(script);
        assertThat(st).extracting(MySqlScript.Statement::text).containsExactly(
                "SELECT ';', \"a;b\", `x;y`, 'it\\'s;', 'it''s;' -- c;\n # d;\n /* e; */ FROM t", "SELECT 2");
    }

    @Test
    void doubleDashWithoutSpaceIsNotAComment() {
        assertThat(MySqlScript.split("SELECT 1--1;SELECT 2;")).extracting(MySqlScript.Statement::text)
                .containsExactly("SELECT 1--1", "SELECT 2");
    }

    @Test
    void versionedCommentsAreCodeAndLeadingCommentsAreSkipped() {
        String script = "-- header ;\n/* block ; */\n/*!40101 SET @OLD=@@SQL_MODE */;\n/*!50003 CREATE*/ /*!50020 DEFINER=`a`@`%`*/ "
                + "/*!50003 TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 */;\n";
        List<MySqlScript.Statement> st = MySqlScript.split(script);
        assertThat(st).extracting(MySqlScript.Statement::text, MySqlScript.Statement::line, MySqlScript.Statement::column)
                .containsExactly(
                        tuple("/*!40101 SET @OLD=@@SQL_MODE */", 3, 1),
                        tuple("/*!50003 CREATE*/ /*!50020 DEFINER=`a`@`%`*/ /*!50003 TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 */", 4, 1));
    }

    @Test
    void clientCommandsAreReturnedButNotTreatedAsSql() {
        String script = "SELECT 'LOADING' as 'INFO';\nsource load_department.sql ;\n\\. other.sql\nSOURCE x.sql\nUSE db;\n";
        List<MySqlScript.Statement> st = MySqlScript.split(script);
        assertThat(st).extracting(MySqlScript.Statement::text, MySqlScript.Statement::clientCommand, MySqlScript.Statement::line)
                .containsExactly(
                        tuple("SELECT 'LOADING' as 'INFO'", false, 1),
                        tuple("source load_department.sql", true, 2),
                        tuple("\\. other.sql", true, 3),
                        tuple("SOURCE x.sql", true, 4),
                        tuple("USE db", false, 5));
        assertThat(st.get(1).clientCommandName()).isEqualTo("source");
    }

    @Test
    void mariaDbSandboxLineIsAClientCommand() {
        List<MySqlScript.Statement> st = MySqlScript.split("/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump\nSELECT 1;");
        assertThat(st).extracting(MySqlScript.Statement::text, MySqlScript.Statement::clientCommand, MySqlScript.Statement::line)
                .containsExactly(tuple("\\- enable the sandbox mode", true, 1), tuple("SELECT 1", false, 3));
    }

    @Test
    void lastStatementWithoutDelimiterAndByteOrderMarkAreHandled() {
        List<MySqlScript.Statement> st = MySqlScript.split("\uFEFFSELECT 1;\n\nSELECT 2   \n-- trailing comment\n");
        assertThat(st).extracting(MySqlScript.Statement::text, MySqlScript.Statement::line, MySqlScript.Statement::column)
                .containsExactly(tuple("SELECT 1", 1, 1), tuple("SELECT 2   \n-- trailing comment", 3, 1));
    }

    @Test
    void windowsLineEndingsAreHandled() {
        List<MySqlScript.Statement> st = MySqlScript.split("DELIMITER $$\r\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\r\n"
                + "DELIMITER ;\r\nsource x.sql\r\nSELECT 2;\r\n");
        assertThat(st).extracting(MySqlScript.Statement::text, MySqlScript.Statement::line, MySqlScript.Statement::clientCommand)
                .containsExactly(tuple("CREATE PROCEDURE p() BEGIN SELECT 1; END", 2, false), tuple("source x.sql", 4, true),
                        tuple("SELECT 2", 5, false));
    }

    @Test
    void blankAndCommentOnlyScriptsHaveNoStatements() {
        assertThat(MySqlScript.split("  \n-- x\n# y\n/* z */\n;\n")).isEmpty();
    }

    @Test
    void unterminatedQuoteRunsToTheEndOfTheScript() {
        List<MySqlScript.Statement> st = MySqlScript.split("SELECT 1;\nSELECT 'abc;\nSELECT 2;");
        assertThat(st).extracting(MySqlScript.Statement::text).containsExactly("SELECT 1", "SELECT 'abc;\nSELECT 2;");
    }
}
