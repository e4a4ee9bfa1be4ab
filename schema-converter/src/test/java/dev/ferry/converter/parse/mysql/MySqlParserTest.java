package dev.ferry.converter.parse.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ferry.grammar.mysql.MySqlParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MySqlParserTest {

    private final MySqlParserFacade facade = new MySqlParserFacade();

    /** One expected row of constructs.sql: "-- @ KIND [name]" followed by the statement. */
    private record Expected(int line, MySqlStatementKind kind, String name) {
    }

    @Test
    void everyConstructOfTheTableParsesWithItsKindAndName() throws IOException {
        String script = resource("/mysql/constructs.sql");
        List<Expected> expected = new ArrayList<>();
        Pattern annotation = Pattern.compile("^-- @ (\\w+)(?: (\\S+))?$");
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = annotation.matcher(lines[i]);
            if (m.matches()) {
                int stmtLine = i + 2;
                while (lines[stmtLine - 1].isBlank() || lines[stmtLine - 1].startsWith("--")) {
                    stmtLine++;
                }
                expected.add(new Expected(stmtLine, MySqlStatementKind.valueOf(m.group(1)), m.group(2)));
            }
        }
        assertThat(expected).hasSizeGreaterThan(80);

        MySqlParseResult result = facade.parse("constructs.sql", script);

        assertThat(result.errors()).isEmpty();
        assertThat(result.statements())
                .extracting(s -> s.span().startLine(), MySqlParsedStatement::kind, MySqlParsedStatement::objectName)
                .containsExactlyElementsOf(expected.stream().map(e -> tuple(e.line(), e.kind(), e.name())).toList());
        assertThat(result.statements()).allMatch(s -> s.handle() != null);
        assertThat(facade.llFallbackCount()).as("SLL parses every construct").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            CREATE TABLE t (a INT,)                              | bad.sql:1:23: syntax error at ')'
            CREATE TABLE t (a INT NOT NULL DEFAULT)              | bad.sql:1:39: syntax error at ')'
            SELECT * FORM t                                      | bad.sql:1:10: syntax error at 'FORM', expected end of statement
            CREATE TABEL x (a INT)                               | bad.sql:1:8: syntax error at 'TABEL'
            INSERT INTO t VALUES (1, 2                           | bad.sql:1:27: unexpected end of statement
            SELECT 1 +                                           | bad.sql:1:11: unexpected end of statement
            UPDATE t SET a = 1 WHERE                             | bad.sql:1:25: unexpected end of statement
            CREATE TABLE t (id INT PRIMARY KEY (id))             | bad.sql:1:36: syntax error at '(', expected ')' or ','
            SELECT a b c FROM t                                  | bad.sql:1:12: syntax error at 'c', expected end of statement
            SELECT a FROM t LIMIT 'x'                            | bad.sql:1:23: syntax error at ''x''
            SELECT 'abc                                          | bad.sql:1:8: unterminated string literal
            SELECT `abc                                          | bad.sql:1:8: unterminated quoted identifier
            SELECT 1 \\ 2                                         | bad.sql:1:10: unexpected character '\\'
            CREATE PROCEDURE p() BEGIN SELECT 1 END              | bad.sql:1:40: unexpected end of statement, expected ';'
            SELECT 1 /* never closed                             | bad.sql:1:10: unterminated comment
            SELECT 1;  SELECT * FORM t                           | bad.sql:1:21: syntax error at 'FORM', expected end of statement
            SELECT '😀', 'x' FORM t                              | bad.sql:1:22: syntax error at 't', expected end of statement
            """)
    void malformedStatementsReportFileLineColumnAndMessage(String sql, String expected) {
        MySqlParseResult result = facade.parse("bad.sql", sql);
        assertThat(result.errors()).extracting(Throwable::getMessage).containsExactly(expected);
    }

    @Test
    void oneBadStatementIsReportedWithFilePositionAndTheOthersStillParse() {
        String script = """
                CREATE TABLE a (id INT);
                -- comment
                CREATE TABLE b (
                  id INT,
                  name VARCHAR(10) NOT NUL
                );
                DELIMITER $$
                CREATE PROCEDURE p() BEGIN SELECT 1; END $$
                DELIMITER ;
                INSERT INTO a VALUES (1);
                """;
        MySqlParseResult result = facade.parse("schema.sql", script);
        assertThat(result.statements()).extracting(MySqlParsedStatement::kind, MySqlParsedStatement::objectName,
                        MySqlParsedStatement::isParsed)
                .containsExactly(
                        tuple(MySqlStatementKind.CREATE_TABLE, "a", true),
                        tuple(MySqlStatementKind.CREATE_TABLE, "b", false),
                        tuple(MySqlStatementKind.CREATE_PROCEDURE, "p", true),
                        tuple(MySqlStatementKind.INSERT, "a", true));
        assertThat(result.errors()).extracting(Throwable::getMessage)
                .containsExactly("schema.sql:5:24: syntax error at 'NUL', expected 'NULL'");
        MySqlParsingException error = result.errors().get(0);
        assertThat(error.getLine()).isEqualTo(5);
        assertThat(error.getColumn()).isEqualTo(24);
        assertThat(error.getFile()).isEqualTo("schema.sql");
        assertThat(result.statements().get(1).handle()).isNull();
        assertThatThrownBy(result::orThrow).isSameAs(error);
    }

    @Test
    void errorPositionsAreRightWithWindowsLineEndings() {
        MySqlParseResult result = facade.parse("crlf.sql", "SELECT 1;\r\nCREATE TABLE t (\r\n  a INT,\r\n  b INTT(\r\n);\r\n");
        assertThat(result.errors()).extracting(Throwable::getMessage)
                .containsExactly("crlf.sql:4:9: syntax error at '(', expected ')' or ','");
    }

    @Test
    void streamingParseDeliversTheSameStatementsInOrder() {
        String script = "CREATE TABLE a (id INT);\nSELECT * FORM a;\nsource x.sql\nINSERT INTO a VALUES (1);\n";
        List<MySqlParsedStatement> streamed = new ArrayList<>();
        int errors = facade.parse("s.sql", script, streamed::add);
        MySqlParseResult collected = facade.parse("s.sql", script);
        assertThat(errors).isEqualTo(1);
        assertThat(streamed).extracting(MySqlParsedStatement::kind, MySqlParsedStatement::span, MySqlParsedStatement::isParsed)
                .containsExactlyElementsOf(collected.statements().stream().map(s -> tuple(s.kind(), s.span(), s.isParsed())).toList());
        assertThat(streamed).extracting(MySqlParsedStatement::kind).containsExactly(MySqlStatementKind.CREATE_TABLE,
                MySqlStatementKind.SELECT, MySqlStatementKind.CLIENT_COMMAND, MySqlStatementKind.INSERT);
    }

    @Test
    void spansPointIntoTheOriginalFile() {
        String script = "USE x;\n\n  CREATE TABLE t (\n a INT\n);\n";
        MySqlParsedStatement create = facade.parse("f.sql", script).statements().get(1);
        assertThat(create.span()).isEqualTo(new MySqlSpan(10, 35, 3, 3, 5, 1));
        assertThat(script.substring(create.span().startOffset(), create.span().endOffset())).isEqualTo(create.text());
    }

    @Test
    void versionedCommentContentIsParsedAsCode() {
        String sql = "CREATE TABLE address (id INT, /*!50705 location GEOMETRY */ /*!80003 SRID 0 */ /*!50705 NOT NULL,*/ "
                + "phone VARCHAR(20), /*!50705 SPATIAL KEY `idx_location` (location),*/ PRIMARY KEY (id)) /*M!100100 ENGINE=Aria */";
        MySqlParsedStatement st = facade.parseStatement("v.sql", sql);
        assertThat(st.isParsed()).isTrue();
        MySqlParser.CreateTableColumnsContext body =
                (MySqlParser.CreateTableColumnsContext) ((MySqlParser.CreateTableContext) st.handle().tree().getChild(0)).createTableBody();
        assertThat(body.tableElement()).extracting(e -> e.getChild(0).getChild(0).getText())
                .containsExactly("id", "location", "phone", "SPATIAL", "PRIMARY");
        assertThat(body.tableElement(1).columnDefinition().columnAttribute()).extracting(a -> a.getText())
                .containsExactly("SRID0", "NOTNULL");
        assertThat(body.tableOptions().getText()).isEqualTo("ENGINE=Aria");
    }

    @Test
    void backtickIdentifiersAreKeptExactly() {
        MySqlParsedStatement st = facade.parseStatement("q.sql", "CREATE TABLE `My Schema`.`Order``s` (`Id` INT)");
        assertThat(st.objectName()).isEqualTo("`My Schema`.`Order``s`");
        assertThat(st.simpleName()).isEqualTo("Order`s");
        assertThat(MySqlNames.split(st.objectName())).containsExactly("My Schema", "Order`s");
    }

    @Test
    void ansiQuotesModeTreatsDoubleQuotesAsIdentifiers() {
        String sql = "CREATE TABLE \"Order\" (\"Id\" INT, \"select\" VARCHAR(10) DEFAULT 'x')";
        MySqlParsedStatement ansi = new MySqlParserFacade(true).parseStatement("a.sql", sql);
        assertThat(ansi.isParsed()).isTrue();
        assertThat(ansi.objectName()).isEqualTo("\"Order\"");
        assertThat(ansi.simpleName()).isEqualTo("Order");
        MySqlParsedStatement standard = facade.parseStatement("a.sql", sql);
        assertThat(standard.error()).isNotNull();
        assertThat(standard.error().getMessage()).isEqualTo("a.sql:1:14: syntax error at '\"Order\"'");
    }

    @Test
    void keywordsAreCaseInsensitiveAndNonReservedOnesAreIdentifiers() {
        MySqlParseResult result = facade.parse("k.sql", """
                create table `date` (date date, `timestamp` timestamp, comment text comment 'c', status int, year year,
                  name varchar(10), position int, data json, value int, `key` int, end int);
                select date, position, status, value, end from `date` where year > 2000 order by name;
                """);
        assertThat(result.errors()).isEmpty();
        assertThat(result.statements()).extracting(MySqlParsedStatement::kind)
                .containsExactly(MySqlStatementKind.CREATE_TABLE, MySqlStatementKind.SELECT);
    }

    @Test
    void reservedWordsAreNotAcceptedAsBareIdentifiers() {
        MySqlParseResult result = facade.parse("r.sql", "CREATE TABLE t (a INT, order INT)");
        assertThat(result.errors()).extracting(Throwable::getMessage)
                .containsExactly("r.sql:1:24: syntax error at 'order'");
    }

    @Test
    void clientCommandsAreReportedAsSuch() {
        MySqlParseResult result = facade.parse("e.sql", "SELECT 1;\nsource load_department.sql ;\nSELECT 2;\n");
        assertThat(result.statements()).extracting(MySqlParsedStatement::kind, MySqlParsedStatement::text)
                .containsExactly(tuple(MySqlStatementKind.SELECT, "SELECT 1"),
                        tuple(MySqlStatementKind.CLIENT_COMMAND, "source load_department.sql"),
                        tuple(MySqlStatementKind.SELECT, "SELECT 2"));
        assertThat(result.hasErrors()).isFalse();
    }

    @Test
    void expressionPrecedenceFollowsMySql() {
        MySqlParsedStatement st = facade.parseStatement("p.sql", "SELECT NOT a = 1 AND b OR c XOR d");
        MySqlParser.ExpressionItemContext item = (MySqlParser.ExpressionItemContext)
                ((MySqlParser.SelectStatementContext) st.handle().tree().getChild(0))
                        .queryExpression().queryBody().queryTerm(0).querySpecification().selectList().selectItem(0);
        // OR binds loosest: (((NOT (a = 1)) AND b) OR (c XOR d))
        MySqlParser.OrExpressionContext or = (MySqlParser.OrExpressionContext) item.expression();
        assertThat(or.expression(0)).isInstanceOf(MySqlParser.AndExpressionContext.class);
        assertThat(((MySqlParser.AndExpressionContext) or.expression(0)).expression(0))
                .isInstanceOf(MySqlParser.NotExpressionContext.class);
        assertThat(or.expression(1)).isInstanceOf(MySqlParser.XorExpressionContext.class);
    }

    @Test
    void assortedStatementsAllParseWithTheFastPath() throws IOException {
        String script = resource("/mysql/statements.sql");
        long lines = script.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).count();
        long fallbacksBefore = facade.llFallbackCount();
        MySqlParseResult r = facade.parse("statements.sql", script);
        assertThat(r.errors()).isEmpty();
        assertThat(r.statements()).hasSize((int) lines);
        assertThat(r.statements()).extracting(s -> s.span().startLine()).doesNotHaveDuplicates();
        assertThat(facade.llFallbackCount()).isEqualTo(fallbacksBefore);
    }

    @Test
    void truncatedStatementsNeverCrashTheFacade() throws IOException {
        List<String> statements = resource("/mysql/statements.sql").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        int failed = 0;
        for (String full : statements) {
            for (int cut = 1; cut < full.length() - 1; cut += Math.max(1, full.length() / 7)) {
                String partial = full.substring(0, cut);
                MySqlParseResult r = facade.parse("cut.sql", partial);
                for (MySqlParsedStatement st : r.statements()) {
                    assertThat(st.isParsed() ? st.handle() : st.error()).as(partial).isNotNull();
                    if (!st.isParsed()) {
                        failed++;
                        assertThat(st.error().getLine()).as(partial).isEqualTo(1);
                        assertThat(st.error().getColumn()).as(partial).isBetween(1, partial.length() + 1);
                        assertThat(st.error().getMessage()).as(partial).startsWith("cut.sql:1:");
                    }
                }
            }
        }
        assertThat(failed).as("most truncations are syntax errors").isGreaterThan(statements.size());
    }

    @Test
    void mariaDbDumpParsesCompletely() throws Exception {
        // mariadb-dump 10.11 output (sandbox line, versioned comments, raw binary strings, sequences, partitions,
        // system versioning, triggers, events, routines, views) of the database built by mariadb-dump-source.sql
        MySqlParseResult r = facade.parseFile(Path.of(MySqlParserTest.class.getResource("/mysql/mariadb-dump.sql").toURI()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.statements().get(0).kind()).isEqualTo(MySqlStatementKind.CLIENT_COMMAND);
        assertThat(r.statements().get(0).text()).isEqualTo("\\- enable the sandbox mode");
        assertThat(names(r, MySqlStatementKind.CREATE_TABLE)).containsExactly(
                "`customer`", "`hashed`", "`hist`", "`keyed`", "`order_line`", "`orders`", "`regions`");
        assertThat(names(r, MySqlStatementKind.CREATE_TRIGGER)).containsExactly("trg_cust_bi", "trg_orders_ai");
        assertThat(names(r, MySqlStatementKind.CREATE_PROCEDURE)).containsExactly("`p_cursor`");
        assertThat(names(r, MySqlStatementKind.CREATE_FUNCTION)).containsExactly("`f_tax`");
        assertThat(names(r, MySqlStatementKind.CREATE_EVENT)).containsExactly("`ev_cleanup`");
        assertThat(names(r, MySqlStatementKind.CREATE_VIEW)).contains("`v_customer_orders`", "`v_union`", "`v_win`");
    }

    @Test
    void mysqldump8StyleParsesCompletely() throws Exception {
        MySqlParseResult r = facade.parseFile(Path.of(MySqlParserTest.class.getResource("/mysql/mysqldump8-style.sql").toURI()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.statements()).filteredOn(s -> s.kind() != MySqlStatementKind.SET)
                .extracting(MySqlParsedStatement::kind, MySqlParsedStatement::objectName)
                .containsExactly(
                        tuple(MySqlStatementKind.CREATE_DATABASE, "`shop`"), tuple(MySqlStatementKind.USE, "`shop`"),
                        tuple(MySqlStatementKind.DROP_TABLE, "`address`"), tuple(MySqlStatementKind.CREATE_TABLE, "`address`"),
                        tuple(MySqlStatementKind.LOCK_TABLES, null), tuple(MySqlStatementKind.ALTER_TABLE, "`address`"),
                        tuple(MySqlStatementKind.INSERT, "`address`"), tuple(MySqlStatementKind.ALTER_TABLE, "`address`"),
                        tuple(MySqlStatementKind.UNLOCK_TABLES, null), tuple(MySqlStatementKind.DROP_TABLE, "`address_list`"),
                        tuple(MySqlStatementKind.DROP_VIEW, "`address_list`"), tuple(MySqlStatementKind.CREATE_VIEW, "`address_list`"),
                        tuple(MySqlStatementKind.CREATE_EVENT, "`ev_purge`"), tuple(MySqlStatementKind.DROP_ROUTINE, "`addr_count`"),
                        tuple(MySqlStatementKind.CREATE_FUNCTION, "`addr_count`"), tuple(MySqlStatementKind.DROP_ROUTINE, "`touch_all`"),
                        tuple(MySqlStatementKind.CREATE_PROCEDURE, "`touch_all`"), tuple(MySqlStatementKind.DROP_VIEW, "`address_list`"),
                        tuple(MySqlStatementKind.CREATE_VIEW, "`address_list`"), tuple(MySqlStatementKind.CREATE_TRIGGER, "`address_bi`"));
        // the versioned "/*!80003 SRID 0 */" after the column type is part of the column definition
        MySqlParser.CreateTableColumnsContext body = (MySqlParser.CreateTableColumnsContext) ((MySqlParser.CreateTableContext)
                r.statements().get(indexOf(r, MySqlStatementKind.CREATE_TABLE))
                        .handle().tree().getChild(0)).createTableBody();
        assertThat(body.tableElement(2).columnDefinition().columnAttribute()).extracting(a -> a.getText())
                .containsExactly("NOTNULL", "SRID0");
    }

    private static int indexOf(MySqlParseResult r, MySqlStatementKind kind) {
        for (int i = 0; i < r.statements().size(); i++) {
            if (r.statements().get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError("no " + kind);
    }

    private static List<String> names(MySqlParseResult r, MySqlStatementKind kind) {
        return r.statements().stream().filter(s -> s.kind() == kind).map(MySqlParsedStatement::objectName).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MySqlParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
