package dev.ferry.converter.parse.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.CreateTrigger;
import dev.ferry.converter.ast.Identifier;
import dev.ferry.converter.ast.SourceSpan;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.parse.AstDigest;
import dev.ferry.converter.parse.ParseResult;
import dev.ferry.converter.parse.ParsedStatement;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.StatementChunk;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqliteParserTest {

    private static final SqliteParserFacade PARSER = SqliteParserFacade.INSTANCE;

    static Stream<Arguments> statements() {
        return Stream.of(
            Arguments.of("CREATE TABLE IF NOT EXISTS main.\"My Table\" ([Id] INTEGER PRIMARY KEY AUTOINCREMENT, "
                    + "`name` VARCHAR(20) NOT NULL UNIQUE, price NUMERIC(10, 2) DEFAULT 0.5 CHECK (price >= 0))",
                "CreateTable{name=main.\"My Table\" ifNotExists columns=[ColumnDef{name=\"Id\" type=integer "
                    + "autoIncrement constraints=[ConstraintDef{kind=PRIMARY_KEY columns=[\"Id\"]}]}, "
                    + "ColumnDef{name=\"name\" type=varchar(20) nullable=false constraints=[ConstraintDef{kind=UNIQUE "
                    + "columns=[\"name\"]}]}, ColumnDef{name=price type=numeric(10,2) defaultValue=NUMBER:0.5 "
                    + "constraints=[ConstraintDef{kind=CHECK check=raw<price >= 0>}]}]}"),
            Arguments.of("CREATE TEMP TABLE t (a, b TEXT COLLATE NOCASE, FOREIGN KEY (a, b) REFERENCES p (x, y) "
                    + "ON UPDATE CASCADE ON DELETE RESTRICT MATCH SIMPLE, PRIMARY KEY (a DESC, b)) WITHOUT ROWID",
                "CreateTable{name=t temporary columns=[ColumnDef{name=a}, ColumnDef{name=b type=text "
                    + "collation=NOCASE}] constraints=[ConstraintDef{kind=FOREIGN_KEY columns=[a, b] "
                    + "references=ForeignKeyRef{table=p columns=[x, y] onDelete=RESTRICT onUpdate=CASCADE "
                    + "match=SIMPLE}}, ConstraintDef{kind=PRIMARY_KEY columns=[a, b]}] options=[WITHOUT ROWID]}"),
            Arguments.of("CREATE TABLE ev (id INTEGER NOT NULL, at TEXT DEFAULT CURRENT_TIMESTAMP, flag BOOLEAN "
                    + "DEFAULT true, n INT DEFAULT -1, total REAL GENERATED ALWAYS AS (price * qty) VIRTUAL, "
                    + "raw BLOB DEFAULT x'CAFE', g DEFAULT (datetime('now'))) STRICT",
                "CreateTable{name=ev columns=[ColumnDef{name=id type=integer nullable=false}, ColumnDef{name=at "
                    + "type=text defaultValue=CURRENT_TIMESTAMP:CURRENT_TIMESTAMP}, ColumnDef{name=flag "
                    + "type=boolean defaultValue=BOOLEAN:TRUE}, ColumnDef{name=n type=int defaultValue=NUMBER:-1}, "
                    + "ColumnDef{name=total type=real generated=Generated{expression=raw<price * qty>}}, "
                    + "ColumnDef{name=raw type=blob defaultValue=BLOB:CAFE}, ColumnDef{name=g "
                    + "defaultValue=FunctionCall{name=datetime arguments=[STRING:now]}}] options=[STRICT]}"),
            Arguments.of("CREATE TABLE x (a INT PRIMARY KEY DESC ON CONFLICT REPLACE, e INT REFERENCES p(id) "
                    + "ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, h unsigned big int(10, 2), "
                    + "CONSTRAINT u UNIQUE (e) ON CONFLICT IGNORE)",
                "CreateTable{name=x columns=[ColumnDef{name=a type=int constraints=[ConstraintDef{kind=PRIMARY_KEY "
                    + "columns=[a] onConflict=REPLACE}]}, ColumnDef{name=e type=int constraints=[ConstraintDef{"
                    + "kind=FOREIGN_KEY columns=[e] references=ForeignKeyRef{table=p columns=[id] onDelete=SET NULL} "
                    + "deferrable initiallyDeferred}]}, ColumnDef{name=h type=unsigned big int(10,2)}] "
                    + "constraints=[ConstraintDef{name=u kind=UNIQUE columns=[e] onConflict=IGNORE}]}"),
            Arguments.of("CREATE UNIQUE INDEX IF NOT EXISTS ix ON t (lower(name) COLLATE NOCASE DESC, b ASC) "
                    + "WHERE b IS NOT NULL",
                "CreateIndex{name=ix table=t unique ifNotExists elements=[IndexElement{expression=FunctionCall{"
                    + "name=lower arguments=[col<name>]} collation=NOCASE ordering=DESC}, IndexElement{"
                    + "expression=col<b> ordering=ASC}] where=raw<b IS NOT NULL>}"),
            Arguments.of("CREATE VIEW v (x, y) AS SELECT a, count(*) FROM t LEFT JOIN u USING (id) GROUP BY a "
                    + "HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 10 OFFSET 5",
                "CreateView{name=v columns=[x, y] query=<SELECT a, count(*) FROM t LEFT JOIN u USING (id) GROUP BY a "
                    + "HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 10 OFFSET 5>}"),
            Arguments.of("CREATE TRIGGER IF NOT EXISTS trg BEFORE UPDATE OF a, b ON t FOR EACH ROW WHEN new.a <> "
                    + "old.a BEGIN UPDATE t SET b = CASE WHEN new.a > 0 THEN 1 ELSE 0 END WHERE rowid = new.rowid; "
                    + "INSERT INTO log VALUES (new.a); END",
                "CreateTrigger{name=trg ifNotExists timing=BEFORE events=[UPDATE] updateColumns=[a, b] table=t "
                    + "forEachRow when=raw<new.a <> old.a> body=<BEGIN UPDATE t SET b = CASE WHEN new.a > 0 THEN 1 "
                    + "ELSE 0 END WHERE rowid = new.rowid; INSERT INTO log VALUES (new.a); END>}"),
            Arguments.of("CREATE TEMP TRIGGER tv INSTEAD OF DELETE ON v BEGIN DELETE FROM t WHERE id = old.id; "
                    + "SELECT RAISE(ABORT, 'no'); END",
                "CreateTrigger{name=tv temporary timing=INSTEAD OF events=[DELETE] table=v forEachRow "
                    + "body=<BEGIN DELETE FROM t WHERE id = old.id; SELECT RAISE(ABORT, 'no'); END>}"),
            Arguments.of("DROP INDEX IF EXISTS main.ix", "Drop{objectKind=INDEX names=[main.ix] ifExists}"),
            Arguments.of("DROP VIEW v", "Drop{objectKind=VIEW names=[v]}"),
            Arguments.of("CREATE TABLE 'legacy' ('id' INTEGER, 'it''s' TEXT)",
                "CreateTable{name=\"legacy\" columns=[ColumnDef{name=\"id\" type=integer}, "
                    + "ColumnDef{name=\"it's\" type=text}]}"),
            Arguments.of("INSERT INTO 'legacy' VALUES (1, 'x')", "OtherStatement{kind=INSERT}"),
            Arguments.of("CREATE TABLE f (a BOOLEAN CHECK (a IN (TRUE, false)) DEFAULT (FALSE), \"true\" INT)",
                "CreateTable{name=f columns=[ColumnDef{name=a type=boolean defaultValue=BOOLEAN:FALSE constraints=["
                    + "ConstraintDef{kind=CHECK check=raw<a IN (TRUE, false)>}]}, ColumnDef{name=\"true\" type=int}]}"),
            Arguments.of("INSERT INTO t (a, b) VALUES (1, 'x'), (2, NULL)", "OtherStatement{kind=INSERT}"),
            Arguments.of("INSERT OR REPLACE INTO t SELECT * FROM u", "OtherStatement{kind=INSERT}"),
            Arguments.of("REPLACE INTO t VALUES (1)", "OtherStatement{kind=REPLACE}"),
            Arguments.of("PRAGMA foreign_keys = ON", "OtherStatement{kind=PRAGMA}"),
            Arguments.of("PRAGMA main.table_info('t')", "OtherStatement{kind=PRAGMA}"),
            Arguments.of("BEGIN IMMEDIATE TRANSACTION", "OtherStatement{kind=BEGIN}"),
            Arguments.of("COMMIT", "OtherStatement{kind=COMMIT}"),
            Arguments.of("SELECT CAST(a AS INTEGER), x'00' || 'y', a BETWEEN 1 AND 2, b IN (SELECT c FROM d), "
                    + "e NOT LIKE 'x%' ESCAPE '\\', NOT EXISTS (SELECT 1), -a * +b % 3 << 1 & 7, c IS NOT NULL, "
                    + "d ISNULL, e GLOB 'a*' FROM t AS q NATURAL JOIN r CROSS JOIN s, (SELECT 1) AS sub",
                "OtherStatement{kind=SELECT}"),
            Arguments.of("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT n, "
                    + "row_number() OVER (PARTITION BY n ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),"
                    + " sum(n) FILTER (WHERE n > 1) OVER w FROM c WINDOW w AS (ORDER BY n) ORDER BY 1 NULLS LAST",
                "OtherStatement{kind=WITH}"),
            Arguments.of("UPDATE t SET a = 1, b = b + 1 WHERE id IN (1, 2)", "OtherStatement{kind=UPDATE}"),
            Arguments.of("DELETE FROM t WHERE a = ?1", "OtherStatement{kind=DELETE}"),
            Arguments.of("ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'x'", "OtherStatement{kind=ALTER TABLE}"),
            Arguments.of("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter')",
                "OtherStatement{kind=CREATE VIRTUAL TABLE}"));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void parsesIntoTheExpectedAst(String sql, String expected) {
        Statement st = PARSER.parseStatement(sql, "schema.sql");
        assertThat(AstDigest.of(st)).isEqualTo(expected);
        assertThat(st.text()).isEqualTo(sql);
        assertThat(st.span()).isEqualTo(new SourceSpan(1, 1, 0, sql.length(), sql));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
            Arguments.of("CREATE INDEX i ON t (a) WHERE", "schema.sql:1:30: mismatched input '<EOF>' expecting {'(', "
                    + "'+', '-', '~', QUOTED_IDENTIFIER, IDENTIFIER, NUMERIC_LITERAL, BIND_PARAMETER, STRING_LITERAL, "
                    + "BLOB_LITERAL, or one of 87 keywords}"),
            Arguments.of("SELECT 1;\n\n  DROP TABLE", "schema.sql:3:13: mismatched input '<EOF>' expecting "
                    + "{QUOTED_IDENTIFIER, IDENTIFIER, STRING_LITERAL, or one of 75 keywords}"),
            Arguments.of("SELECT 'abc", "schema.sql:1:8: unterminated string literal"),
            Arguments.of("SELECT 1;\nSELECT [abc", "schema.sql:2:8: unterminated quoted identifier"),
            Arguments.of("SELECT 1 /* x", "schema.sql:1:10: unterminated block comment"),
            Arguments.of("CREATE TABEL t (a int)", "schema.sql:1:8: no viable alternative at input 'CREATE TABEL'"),
            Arguments.of("SELECT * FORM t", "schema.sql:1:10: mismatched input 'FORM' expecting {<EOF>, ';'}"),
            Arguments.of("CREATE TABLE t (\n  a int,\n  b int NOT\n)", "schema.sql:4:1: missing 'NULL' at ')'"),
            Arguments.of("CREATE TABLE t (a int) WITHOUT", "schema.sql:1:31: missing 'ROWID' at '<EOF>'"),
            Arguments.of("INSERT INTO t VALUES (1, 2",
                "schema.sql:1:27: no viable alternative at input 'VALUES (1, 2'"),
            Arguments.of("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELEC 1; END",
                "schema.sql:1:43: mismatched input 'SELEC' expecting {'DELETE', 'INSERT', 'REPLACE', 'SELECT', "
                    + "'UPDATE', 'VALUES', 'WITH'}")
            );
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedInputGivesThePreciseError(String sql, String message) {
        ParseResult r = PARSER.parseScript(sql, "schema.sql");
        assertThat(r.errors()).extracting(ParsingException::getMessage).containsExactly(message);
    }

    @Test
    void parseStatementThrowsParsingExceptionWithPosition() {
        assertThatThrownBy(() -> PARSER.parseStatement("CREATE TABLE t (a int", "x.sql"))
                .isInstanceOfSatisfying(ParsingException.class, e -> {
                    assertThat(e.getFile()).isEqualTo("x.sql");
                    assertThat(e.getLine()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo(22);
                    assertThat(e.getMessage()).startsWith("x.sql:1:22: ");
                });
    }

    @Test
    void oneBadStatementDoesNotStopTheOthers() {
        String script = "CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                + "-- broken\n"
                + "CREATE TABLE b (id INTEGER PRIMARY KEY,, x TEXT);\n"
                + "CREATE INDEX ia ON a (id);\n";
        ParseResult r = PARSER.parseScript(script, "three.sql");
        assertThat(r.statements()).hasSize(3);
        assertThat(r.statements()).extracting(ParsedStatement::isParsed).containsExactly(true, false, true);
        assertThat(r.parsed()).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("CreateTable", "CreateIndex");
        ParsingException e = r.errors().get(0);
        assertThat(e.getLine()).isEqualTo(3);
        assertThat(e.getColumn()).isEqualTo(40);
        assertThat(e.getMessage()).startsWith("three.sql:3:40: ");
        assertThat(r.parsed().get(1).span().line()).isEqualTo(4);
    }

    @Test
    void spansAreRelativeToTheWholeFile() {
        String script = "PRAGMA x = 1;\n\n    CREATE TABLE t (\n      \"Quoted \"\"Name\"\" \" TEXT\n    );";
        ParseResult r = PARSER.parseScript(script, "f.sql");
        CreateTable t = (CreateTable) r.parsed().get(1);
        assertThat(t.span().line()).isEqualTo(3);
        assertThat(t.span().column()).isEqualTo(5);
        assertThat(script.substring(t.span().startOffset(), t.span().stopOffset())).isEqualTo(t.text());
        Identifier col = t.columns().get(0).name();
        assertThat(col.value()).isEqualTo("Quoted \"Name\" ");
        assertThat(col.quoted()).isTrue();
        assertThat(col.span().line()).isEqualTo(4);
        assertThat(col.span().column()).isEqualTo(7);
        assertThat(script.substring(col.span().startOffset(), col.span().stopOffset()))
                .isEqualTo("\"Quoted \"\"Name\"\" \"");
    }

    @Test
    void splitterKeepsTriggerBodiesQuotesAndCommentsTogether() {
        String script = "CREATE TRIGGER t AFTER INSERT ON x BEGIN\n"
                + "  SELECT CASE WHEN new.a = ';' THEN 1 END; -- ; in a comment\n"
                + "  UPDATE x SET [end;] = 1 /* ; */;\nEND;\n"
                + ".read other.sql\n"
                + "INSERT INTO x VALUES ('a;b', \"c;d\", `e;f`);";
        List<StatementChunk> chunks = new SqliteStatementSplitter().split(script);
        assertThat(chunks).extracting(StatementChunk::clientCommand).containsExactly(false, true, false);
        assertThat(chunks.get(0).text()).endsWith("END");
        assertThat(chunks.get(1).text()).isEqualTo(".read other.sql");
        assertThat(chunks.get(2).line()).isEqualTo(6);
        ParseResult r = PARSER.parseScript(script, "s.sql");
        assertThat(r.errors()).isEmpty();
        assertThat(((CreateTrigger) r.parsed().get(0)).body().text()).startsWith("BEGIN").endsWith("END");
    }

    @Test
    void reRenderedOriginalTextReparsesToTheSameAst() {
        String script = String.join("\n", statements().map(a -> (String) a.get()[0] + ";").toList());
        ParseResult first = PARSER.parseScript(script, "a.sql");
        assertThat(first.errors()).isEmpty();
        String rendered = first.parsed().stream().map(Statement::text).collect(Collectors.joining(";\n\n-- x\n"));
        ParseResult second = PARSER.parseScript(rendered, "b.sql");
        assertThat(second.errors()).isEmpty();
        assertThat(second.parsed().stream().map(AstDigest::of).toList())
                .isEqualTo(first.parsed().stream().map(AstDigest::of).toList());
        assertThat(second.parsed().stream().map(Statement::text).toList())
                .isEqualTo(first.parsed().stream().map(Statement::text).toList());
    }

    @Test
    void sqliteDumpStyleScriptParsesCompletely() throws Exception {
        String script = new String(getClass().getResourceAsStream("/dev/ferry/converter/parse/sqlite_dump_style.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ParseResult r = PARSER.parseScript(script, "sqlite_dump_style.sql");
        assertThat(r.errors()).isEmpty();
        assertThat(r.parsed()).extracting(s -> s.getClass().getSimpleName()).containsExactly(
                "OtherStatement", "OtherStatement", "CreateTable", "OtherStatement", "OtherStatement", "CreateTable",
                "CreateTable", "OtherStatement", "OtherStatement", "CreateIndex", "CreateIndex", "CreateView",
                "CreateTrigger", "OtherStatement");
        CreateTable customer = (CreateTable) r.parsed().get(2);
        assertThat(AstDigest.of(customer.columns().get(0))).isEqualTo(
                "ColumnDef{name=\"id\" type=integer nullable=false autoIncrement}");
        assertThat(AstDigest.of(customer.columns().get(4))).isEqualTo(
                "ColumnDef{name=\"created\" type=datetime defaultValue=FunctionCall{name=datetime "
                        + "arguments=[STRING:now]}}");
        CreateTable order = (CreateTable) r.parsed().get(5);
        assertThat(order.name().last()).extracting(Identifier::value, Identifier::quoted).containsExactly("order", true);
        assertThat(order.options()).containsExactly("STRICT");
        CreateTrigger trigger = (CreateTrigger) r.parsed().get(12);
        assertThat(trigger.updateColumns()).extracting(Identifier::value).containsExactly("status");
        assertThat(trigger.body().text()).contains("RAISE(ABORT, 'negative balance')").endsWith("END");
        assertThat(trigger.body().line()).isEqualTo(33);
    }
}
