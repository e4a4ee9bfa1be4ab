package dev.ferry.engine.sql;

import dev.ferry.engine.sql.SqlScriptRunner.Dialect;
import dev.ferry.engine.sql.SqlScriptRunner.ScriptStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlScriptRunnerTest {

    @Test
    void mysqlDelimitersCommentsAndQuotes() {
        String script = """
                -- header comment; with a semicolon
                # hash comment;
                SET NAMES utf8mb4;
                CREATE TABLE t (a varchar(5) DEFAULT 'x;y', b int /* inline; */, `c;d` int);
                INSERT INTO t VALUES ('it''s;', 1, 2), ('back\\\\'';slash', 3, 4);

                DELIMITER ;;
                CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN
                    SET @x = 1;
                  END;;
                DELIMITER ;
                DELIMITER $$
                CREATE FUNCTION f() RETURNS INT
                BEGIN
                  RETURN 1;
                END $$
                DELIMITER ;
                SELECT /*!50705 1, */ 2;
                SELECT 1--2
                ;""";
        List<ScriptStatement> st = SqlScriptRunner.split(script, Dialect.MYSQL);
        assertThat(st).extracting(ScriptStatement::line).containsExactly(3, 4, 5, 8, 13, 18, 19);
        assertThat(st.get(0).sql()).isEqualTo("SET NAMES utf8mb4");
        assertThat(st.get(1).sql()).isEqualTo("CREATE TABLE t (a varchar(5) DEFAULT 'x;y', b int  , `c;d` int)");
        assertThat(st.get(2).sql()).isEqualTo("INSERT INTO t VALUES ('it''s;', 1, 2), ('back\\\\'';slash', 3, 4)");
        assertThat(st.get(3).sql()).startsWith("CREATE TRIGGER tr").endsWith("SET @x = 1;\n  END");
        assertThat(st.get(4).sql()).isEqualTo("CREATE FUNCTION f() RETURNS INT\nBEGIN\n  RETURN 1;\nEND");
        assertThat(st.get(5).sql()).isEqualTo("SELECT /*!50705 1, */ 2");
        assertThat(st.get(6).sql()).isEqualTo("SELECT 1--2");
    }

    @Test
    void postgresDollarQuotes() {
        String script = """
                create function f() returns int language plpgsql as $body$ begin return 1; end $body$;
                select $$a;b$$, 'c;d', "e;f"; -- trailing; comment
                select $1""";
        List<ScriptStatement> st = SqlScriptRunner.split(script, Dialect.POSTGRESQL);
        assertThat(st).extracting(ScriptStatement::sql).containsExactly(
                "create function f() returns int language plpgsql as $body$ begin return 1; end $body$",
                "select $$a;b$$, 'c;d', \"e;f\"",
                "select $1");
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> SqlScriptRunner.split("select 1;\nselect 'oops;\n", Dialect.MYSQL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("unterminated");
        assertThatThrownBy(() -> SqlScriptRunner.split("select 1;\n\n/* never closed", Dialect.GENERIC))
                .hasMessageContaining("line 3");
    }
}
