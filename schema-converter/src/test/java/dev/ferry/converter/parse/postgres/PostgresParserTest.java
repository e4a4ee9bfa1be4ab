package dev.ferry.converter.parse.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.converter.ast.CreateFunction;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.OtherStatement;
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

class PostgresParserTest {

    private static final PostgresParserFacade PARSER = PostgresParserFacade.INSTANCE;

    static Stream<Arguments> statements() {
        return Stream.of(
            Arguments.of("CREATE SCHEMA IF NOT EXISTS sales AUTHORIZATION admin",
                "CreateSchema{name=sales ifNotExists authorization=admin}"),
            Arguments.of("CREATE TABLE sales.orders (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY"
                    + " 5) PRIMARY KEY, code character varying(20) NOT NULL DEFAULT 'x'::text, placed timestamp(0) "
                    + "with time zone DEFAULT now(), amount numeric(12,2) CHECK (amount > 0), ratio double precision, "
                    + "tags text[], grid int[][], total numeric GENERATED ALWAYS AS (amount * 2) STORED, seq integer "
                    + "DEFAULT nextval('orders_seq'::regclass), customer_id int CONSTRAINT fk_c REFERENCES customers "
                    + "(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, UNIQUE (code), CONSTRAINT ck CHECK "
                    + "(ratio < 1)) PARTITION BY RANGE (placed)",
                "CreateTable{name=sales.orders columns=[ColumnDef{name=id type=bigint identity=Identity{always "
                    + "options=SequenceOptions{start=10 increment=5}} constraints=[ConstraintDef{kind=PRIMARY_KEY "
                    + "columns=[id]}]}, ColumnDef{name=code type=character varying(20) nullable=false "
                    + "defaultValue=Cast{operand=STRING:x type=text}}, ColumnDef{name=placed type=timestamp with "
                    + "time zone(0) defaultValue=FunctionCall{name=now}}, ColumnDef{name=amount type=numeric(12,2) "
                    + "constraints=[ConstraintDef{kind=CHECK check=raw<amount > 0>}]}, ColumnDef{name=ratio "
                    + "type=double precision}, ColumnDef{name=tags type=text[]}, ColumnDef{name=grid type=int[][]}, "
                    + "ColumnDef{name=total type=numeric generated=Generated{expression=raw<amount * 2> stored}}, "
                    + "ColumnDef{name=seq type=integer defaultValue=FunctionCall{name=nextval arguments=[Cast{"
                    + "operand=STRING:orders_seq type=regclass}]}}, ColumnDef{name=customer_id type=int "
                    + "constraints=[ConstraintDef{name=fk_c kind=FOREIGN_KEY columns=[customer_id] "
                    + "references=ForeignKeyRef{table=customers columns=[id] onDelete=CASCADE} deferrable "
                    + "initiallyDeferred}]}] constraints=[ConstraintDef{kind=UNIQUE columns=[code]}, "
                    + "ConstraintDef{name=ck kind=CHECK check=raw<ratio < 1>}] partitionBy=PARTITION BY RANGE "
                    + "(placed)}"),
            Arguments.of("CREATE UNLOGGED TABLE IF NOT EXISTS \"Mixed\".\"T\" (\"Id\" serial, b bit varying(8), "
                    + "i interval day to second, t time without time zone, n national character(2), "
                    + "CONSTRAINT t_fk FOREIGN KEY (b) REFERENCES o MATCH FULL ON UPDATE SET NULL NOT DEFERRABLE)",
                "CreateTable{name=\"Mixed\".\"T\" ifNotExists columns=[ColumnDef{name=\"Id\" type=serial}, "
                    + "ColumnDef{name=b type=bit varying(8)}, ColumnDef{name=i type=interval day to second}, "
                    + "ColumnDef{name=t type=time without time zone}, ColumnDef{name=n type=national character(2)}] "
                    + "constraints=[ConstraintDef{name=t_fk kind=FOREIGN_KEY columns=[b] references=ForeignKeyRef{"
                    + "table=o onUpdate=SET NULL match=FULL}}] options=[UNLOGGED]}"),
            Arguments.of("CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CreateTable{name=m_2024 options=[PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')]}"),
            Arguments.of("ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pk PRIMARY KEY (id), ALTER COLUMN code "
                    + "SET DEFAULT upper(code), ALTER COLUMN seq DROP DEFAULT, OWNER TO postgres",
                "AlterTable{table=public.orders only actions=[AddConstraint{constraint=ConstraintDef{name=orders_pk "
                    + "kind=PRIMARY_KEY columns=[id]}}, AlterColumnDefault{column=code defaultValue=FunctionCall{"
                    + "name=upper arguments=[col<code>]}}, AlterColumnDefault{column=seq}, OtherAction{kind=OWNER TO}]}"),
            Arguments.of("ALTER TABLE IF EXISTS t ADD COLUMN IF NOT EXISTS c text COLLATE \"C\", ENABLE TRIGGER ALL",
                "AlterTable{table=t ifExists actions=[AddColumn{column=ColumnDef{name=c type=text collation=\"C\"} "
                    + "ifNotExists}, OtherAction{kind=ENABLE TRIGGER}]}"),
            Arguments.of("ALTER TABLE t RENAME COLUMN a TO b", "AlterTable{table=t actions=[OtherAction{kind=RENAME}]}"),
            Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_o ON ONLY orders USING btree (lower(code) "
                    + "text_pattern_ops DESC NULLS LAST, (amount * 2)) INCLUDE (id) WHERE amount > 0",
                "CreateIndex{name=ix_o table=orders unique ifNotExists concurrently method=btree elements=["
                    + "IndexElement{expression=FunctionCall{name=lower arguments=[col<code>]} opclass=text_pattern_ops "
                    + "ordering=DESC nulls=LAST}, IndexElement{expression=raw<amount * 2>}] include=[id] "
                    + "where=raw<amount > 0>}"),
            Arguments.of("CREATE INDEX ON orders USING gin (tags)",
                "CreateIndex{table=orders method=gin elements=[IndexElement{expression=col<tags>}]}"),
            Arguments.of("CREATE SEQUENCE public.s AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE MAXVALUE 1000 "
                    + "CACHE 1 CYCLE",
                "CreateSequence{name=public.s options=SequenceOptions{dataType=integer start=1 increment=1 "
                    + "maxValue=1000 cache=1 cycle=true}}"),
            Arguments.of("ALTER SEQUENCE public.s OWNED BY public.orders.seq",
                "AlterSequence{name=public.s options=SequenceOptions{ownedBy=public.orders.seq}}"),
            Arguments.of("CREATE OR REPLACE VIEW v AS WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r "
                    + "WHERE n < 3) SELECT n::text, rank() OVER (ORDER BY n DESC) FROM r",
                "CreateView{name=v orReplace query=<WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r "
                    + "WHERE n < 3) SELECT n::text, rank() OVER (ORDER BY n DESC) FROM r>}"),
            Arguments.of("CREATE MATERIALIZED VIEW mv AS SELECT 1 WITH NO DATA",
                "CreateView{name=mv materialized query=<SELECT 1>}"),
            Arguments.of("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CreateType{name=mood kind=ENUM labels=[sad, ok, happy]}"),
            Arguments.of("CREATE TABLE q (a \"char\", b char, c pg_catalog.int4, d public.\"MyType\"[])",
                "CreateTable{name=q columns=[ColumnDef{name=a type=\"char\"}, ColumnDef{name=b type=char}, "
                    + "ColumnDef{name=c type=pg_catalog.int4}, ColumnDef{name=d type=public.\"MyType\"[]}]}"),
            Arguments.of("CREATE TYPE pair AS (a int, b text COLLATE \"C\")",
                "CreateType{name=pair kind=COMPOSITE attributes=[ColumnDef{name=a type=int}, ColumnDef{name=b "
                    + "type=text collation=\"C\"}]}"),
            Arguments.of("CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL CONSTRAINT pos CHECK (VALUE > 0)",
                "CreateDomain{name=posint type=integer defaultValue=NUMBER:1 notNull checks=[ConstraintDef{name=pos "
                    + "kind=CHECK check=raw<VALUE > 0>}]}"),
            Arguments.of("COMMENT ON COLUMN orders.code IS 'Order''s code'",
                "CommentOn{objectKind=COLUMN target=orders.code comment=Order's code}"),
            Arguments.of("COMMENT ON TABLE orders IS NULL", "CommentOn{objectKind=TABLE target=orders}"),
            Arguments.of("COMMENT ON CONSTRAINT ck ON orders IS $$x$$",
                "CommentOn{objectKind=CONSTRAINT target=ck parent=orders comment=x}"),
            Arguments.of("COMMENT ON MATERIALIZED VIEW mv IS E'line\\nnext'",
                "CommentOn{objectKind=MATERIALIZED VIEW target=mv comment=line\nnext}"),
            Arguments.of("CREATE OR REPLACE FUNCTION f(IN a integer, b text DEFAULT $q$x$q$, OUT c int) RETURNS SETOF "
                    + "record LANGUAGE plpgsql STABLE SECURITY DEFINER AS $fn$ BEGIN RETURN; END $fn$",
                "CreateFunction{name=f orReplace parameters=[Parameter{mode=IN name=a type=integer}, Parameter{name=b "
                    + "type=text defaultValue=STRING:x}, Parameter{mode=OUT name=c type=int}] returns=SETOF record "
                    + "language=plpgsql body= BEGIN RETURN; END  bodySpan=<$fn$ BEGIN RETURN; END $fn$> "
                    + "options=[STABLE, SECURITY DEFINER]}"),
            Arguments.of("CREATE PROCEDURE p(text, int) AS $$ SELECT 1; $x$ $$ LANGUAGE sql",
                "CreateFunction{name=p procedure parameters=[Parameter{type=text}, Parameter{type=int}] language=sql "
                    + "body= SELECT 1; $x$  bodySpan=<$$ SELECT 1; $x$ $$>}"),
            Arguments.of("CREATE FUNCTION g() RETURNS TABLE (a int, b text) LANGUAGE sql AS 'SELECT 1, ''x'''",
                "CreateFunction{name=g returns=TABLE (a int, b text) language=sql body=SELECT 1, 'x' "
                    + "bodySpan=<'SELECT 1, ''x'''>}"),
            Arguments.of("CREATE TRIGGER t BEFORE INSERT OR UPDATE OF code ON orders FOR EACH ROW WHEN (NEW.code IS "
                    + "DISTINCT FROM OLD.code) EXECUTE FUNCTION trg_fn('a', 1)",
                "CreateTrigger{name=t timing=BEFORE events=[INSERT, UPDATE] updateColumns=[code] table=orders "
                    + "forEachRow when=raw<NEW.code IS DISTINCT FROM OLD.code> function=trg_fn "
                    + "functionArguments=['a', 1]}"),
            Arguments.of("CREATE TRIGGER s AFTER TRUNCATE ON t EXECUTE PROCEDURE audit.f()",
                "CreateTrigger{name=s timing=AFTER events=[TRUNCATE] table=t function=audit.f}"),
            Arguments.of("DROP TABLE IF EXISTS a, b.c CASCADE",
                "Drop{objectKind=TABLE names=[a, b.c] ifExists cascade}"),
            Arguments.of("DROP MATERIALIZED VIEW mv", "Drop{objectKind=MATERIALIZED VIEW names=[mv]}"),
            Arguments.of("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA public",
                "OtherStatement{kind=CREATE EXTENSION}"),
            Arguments.of("SET search_path = public, pg_catalog", "OtherStatement{kind=SET}"),
            Arguments.of("SET client_min_messages TO warning", "OtherStatement{kind=SET}"),
            Arguments.of("SELECT pg_catalog.setval('public.s', 42, true)", "OtherStatement{kind=SELECT}"),
            Arguments.of("GRANT ALL ON TABLE orders TO app", "OtherStatement{kind=GRANT}"),
            Arguments.of("REVOKE ALL ON SCHEMA public FROM PUBLIC", "OtherStatement{kind=REVOKE}"),
            Arguments.of("COPY public.t (a, b) FROM stdin", "OtherStatement{kind=COPY}"),
            Arguments.of("INSERT INTO t (a) VALUES (1), (DEFAULT) ON CONFLICT (a) DO UPDATE SET a = excluded.a "
                    + "RETURNING *", "OtherStatement{kind=INSERT}"),
            Arguments.of("SELECT a, b::numeric(10,2), c[1], d -> 'k' ->> 'x', CASE WHEN e THEN 1 ELSE 2 END FROM t "
                    + "WHERE x ILIKE 'a%' AND y IS NOT DISTINCT FROM z AND d > now() - interval '1 day' AND e = ANY "
                    + "(ARRAY[1,2]) AND EXTRACT(YEAR FROM d) = 2020 AND f NOT IN (SELECT 1) ORDER BY 1 OFFSET 5 ROWS "
                    + "FETCH FIRST 10 ROWS ONLY", "OtherStatement{kind=SELECT}"),
            Arguments.of("SELECT DISTINCT ON (a) a, string_agg(b, ',' ORDER BY b) FILTER (WHERE b <> '') OVER w "
                    + "FROM t1 LEFT OUTER JOIN LATERAL (SELECT * FROM t2 WHERE t2.id = t1.id) x ON true "
                    + "CROSS JOIN generate_series(1, 3) WITH ORDINALITY g(n, i) WINDOW w AS (PARTITION BY a) "
                    + "UNION SELECT 1, 'a' EXCEPT ALL (SELECT 2, 'b') LIMIT ALL",
                "OtherStatement{kind=SELECT}"),
            Arguments.of("BEGIN", "OtherStatement{kind=BEGIN}"),
            Arguments.of("SELECT d IS JSON OBJECT WITH UNIQUE KEYS, d IS NOT JSON, json, keys, scalar FROM t",
                "OtherStatement{kind=SELECT}"),
            Arguments.of("SELECT 1 /* a /* nested */ b //* c */ */ + 2 /**/", "OtherStatement{kind=SELECT}"),
            Arguments.of("DO $$ BEGIN PERFORM 1; END $$", "OtherStatement{kind=DO}"),
            Arguments.of("CREATE POLICY p ON t FOR ALL TO PUBLIC USING (owner = current_user)",
                "OtherStatement{kind=CREATE POLICY}"));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void parsesIntoTheExpectedAst(String sql, String expected) {
        Statement st = PARSER.parseStatement(sql, "schema.sql");
        assertThat(AstDigest.of(st)).isEqualTo(expected);
        assertThat(st.span()).isEqualTo(new SourceSpan(1, 1, 0, sql.length(), sql));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
            Arguments.of("SELECT 1 /* a /* nested */ b", "schema.sql:1:10: unterminated block comment"),
            Arguments.of("SELECT a FROM t WHERE", "schema.sql:1:22: mismatched input '<EOF>' expecting {'(', '+', "
                    + "'-', OP, QUOTED_IDENTIFIER, IDENTIFIER, DOLLAR_STRING, PARAM, INTEGER_LITERAL, NUMERIC_LITERAL, "
                    + "STRING, ESCAPE_STRING, NATIONAL_STRING, UNICODE_STRING, BIT_STRING, or one of 234 keywords}"),
            Arguments.of("CREATE TABLE t (\n  id int PRIMARY KEY,\n)", "schema.sql:3:1: mismatched input ')' "
                    + "expecting {QUOTED_IDENTIFIER, IDENTIFIER, or one of 213 keywords}"),
            Arguments.of("SELECT E'it\\'s", "schema.sql:1:8: unterminated string literal"),
            Arguments.of("SELECT 1;\n  SELECT \"abc", "schema.sql:2:10: unterminated quoted identifier"),
            Arguments.of("CREATE TABEL x (a int)", "schema.sql:1:8: no viable alternative at input 'CREATE TABEL'"),
            Arguments.of("CREATE TABLE t (a varchar(10) NOT NUL)",
                "schema.sql:1:35: mismatched input 'NUL' expecting 'NULL'"),
            Arguments.of("CREATE INDEX ON t USING btree", "schema.sql:1:30: mismatched input '<EOF>' expecting '('"),
            Arguments.of("ALTER TABLE t\n  ADD CONSTRAINT pk PRIMARY KEY",
                "schema.sql:2:32: mismatched input '<EOF>' expecting '('"),
            Arguments.of("COMMENT ON TABLE t IS 42", "schema.sql:1:23: mismatched input '42' expecting {'NULL', "
                    + "DOLLAR_STRING, STRING, ESCAPE_STRING, NATIONAL_STRING, UNICODE_STRING}"),
            Arguments.of("SELECT 1;\n\nCREATE FUNCTION f() RETURNS int AS $$ select 1 $ LANGUAGE sql;\nselect 1",
                "schema.sql:3:36: unterminated dollar-quoted string starting with $$"),
            Arguments.of("CREATE SEQUENCE s INCREMENT BY x",
                "schema.sql:1:32: mismatched input 'x' expecting {'+', '-', INTEGER_LITERAL, NUMERIC_LITERAL}"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedInputGivesThePreciseError(String sql, String message) {
        ParseResult r = PARSER.parseScript(sql, "schema.sql");
        assertThat(r.errors()).extracting(ParsingException::getMessage).containsExactly(message);
    }

    @Test
    void oneBadStatementDoesNotStopTheOthers() {
        String script = "CREATE TABLE a (id int PRIMARY KEY);\n"
                + "CREATE TABLE b (\n  id int PRIMARY KEY\n  name text\n);\n"
                + "CREATE INDEX ia ON a (id);\n";
        ParseResult r = PARSER.parseScript(script, "three.sql");
        assertThat(r.statements()).extracting(ParsedStatement::isParsed).containsExactly(true, false, true);
        assertThat(r.parsed()).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("CreateTable", "CreateIndex");
        assertThat(r.errors()).extracting(ParsingException::getLine, ParsingException::getColumn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 3));
        assertThat(r.errors().get(0).getMessage()).startsWith("three.sql:4:3: ");
    }

    @Test
    void splitterHandlesDollarQuotesCopyDataAndMetaCommands() {
        String script = "\\set ON_ERROR_STOP on\n"
                + "CREATE FUNCTION f() RETURNS void AS $body$\nBEGIN\n  PERFORM ';';\n  RAISE NOTICE $$;$$;\nEND\n"
                + "$body$ LANGUAGE plpgsql;\n"
                + "COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\n"
                + "SELECT E'it\\'s;', \"semi;colon\" /* ; /* nested ; */ */ FROM t; -- ;\n"
                + "SELECT 2";
        List<StatementChunk> chunks = new PostgresStatementSplitter().split(script);
        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(0).clientCommand()).isTrue();
        assertThat(chunks.get(1).text()).endsWith("LANGUAGE plpgsql");
        assertThat(chunks.get(2).text()).isEqualTo("COPY public.t (a, b) FROM stdin");
        assertThat(chunks.get(2).inlineData()).isEqualTo("1\tx;y\n2\t\\N\n");
        assertThat(chunks.get(3).text()).startsWith("SELECT E'it\\'s;'").endsWith("*/ FROM t");
        assertThat(chunks.get(4).line()).isEqualTo(13);
        ParseResult r = PARSER.parseScript(script, "s.sql");
        assertThat(r.errors()).isEmpty();
        assertThat(((CreateFunction) r.parsed().get(1)).body()).contains("RAISE NOTICE $$;$$;");
        assertThat(((OtherStatement) r.parsed().get(2)).inlineData()).isEqualTo("1\tx;y\n2\t\\N\n");
    }

    @Test
    void identifiersKeepTheirSpellingAndQuotes() {
        CreateTable t = (CreateTable) PARSER.parseStatement("create table \"Ab\"\"c\" (MixedCase int, \"Q\" int)",
                "q.sql");
        assertThat(t.name().last().value()).isEqualTo("Ab\"c");
        assertThat(t.name().last().quoted()).isTrue();
        assertThat(t.columns()).extracting(c -> c.name().value(), c -> c.name().quoted())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MixedCase", false),
                        org.assertj.core.groups.Tuple.tuple("Q", true));
    }

    @Test
    void verifierReportsEveryBrokenStatement() {
        assertThat(PostgresVerifier.verify("CREATE TABLE t (a int);\nCREATE INDEX i ON t (a);", "ok.sql")).isEmpty();
        List<ParsingException> errors = PostgresVerifier.verify(
                "CREATE TABLE t (a int,);\nSELECT 1;\nALTER TABLE t ADD CONSTRAINT;", "bad.sql");
        assertThat(errors).extracting(ParsingException::getLine).containsExactly(1, 3);
        assertThat(errors).allSatisfy(e -> assertThat(e.getFile()).isEqualTo("bad.sql"));
    }

    @Test
    void reRenderedOriginalTextReparsesToTheSameAst() {
        // COPY ... FROM stdin would take the following lines as its data, so it is left out here
        List<String> sqls = statements().map(a -> (String) a.get()[0]).filter(q -> !q.startsWith("COPY")).toList();
        String script = String.join("\n", sqls.stream().map(q -> q + ";").toList());
        ParseResult first = PARSER.parseScript(script, "a.sql");
        assertThat(first.errors()).isEmpty();
        assertThat(first.parsed()).extracting(Statement::text).containsExactlyElementsOf(sqls);
        String rendered = first.parsed().stream().map(Statement::text).collect(Collectors.joining(";\n\n-- x\n"));
        ParseResult second = PARSER.parseScript(rendered, "b.sql");
        assertThat(second.errors()).isEmpty();
        assertThat(second.parsed().stream().map(AstDigest::of).toList())
                .isEqualTo(first.parsed().stream().map(AstDigest::of).toList());
    }

    @Test
    void pgDumpStyleScriptParsesCompletely() throws Exception {
        String script = new String(getClass().getResourceAsStream("/dev/ferry/converter/parse/pg_dump_style.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ParseResult r = PARSER.parseScript(script, "pg_dump_style.sql");
        assertThat(r.errors()).isEmpty();
        assertThat(r.parsed()).hasSize(51);
        java.util.Map<String, Long> kinds = r.parsed().stream().collect(Collectors.groupingBy(
                s -> s.getClass().getSimpleName(), java.util.TreeMap::new, Collectors.counting()));
        assertThat(kinds).containsEntry("CreateTable", 4L).containsEntry("CreateView", 2L)
                .containsEntry("CreateIndex", 3L).containsEntry("CreateFunction", 2L)
                .containsEntry("CreateTrigger", 1L).containsEntry("CreateSequence", 1L)
                .containsEntry("AlterSequence", 1L).containsEntry("CreateType", 1L).containsEntry("CreateDomain", 1L)
                .containsEntry("CommentOn", 3L).containsEntry("CreateSchema", 1L);
        CreateTable customer = r.parsed().stream().filter(CreateTable.class::isInstance).map(CreateTable.class::cast)
                .findFirst().orElseThrow();
        assertThat(AstDigest.of(customer.columns().get(3))).isEqualTo("ColumnDef{name=tags type=text[] "
                + "nullable=false defaultValue=Cast{operand=STRING:{} type=text[]}}");
        assertThat(AstDigest.of(customer.columns().get(4))).isEqualTo("ColumnDef{name=created_at "
                + "type=timestamp with time zone(0) nullable=false defaultValue=CURRENT_TIMESTAMP:CURRENT_TIMESTAMP}");
        OtherStatement copy = r.parsed().stream().filter(OtherStatement.class::isInstance)
                .map(OtherStatement.class::cast).filter(o -> o.kind().equals("COPY")).findFirst().orElseThrow();
        assertThat(copy.inlineData().lines()).hasSize(2).allSatisfy(l -> assertThat(l.split("\t")).hasSize(7));
        CreateFunction total = r.parsed().stream().filter(CreateFunction.class::isInstance)
                .map(CreateFunction.class::cast).filter(f -> f.name().last().value().equals("total")).findFirst()
                .orElseThrow();
        assertThat(total.body()).isEqualTo(" SELECT sum(quantity * price) FROM shop.order_line WHERE order_id = $1 ");
        assertThat(total.parameters()).extracting(p -> p.mode()).containsExactly(null, "OUT");
    }

    @Test
    void theSharedFacadeParsesConcurrently() throws Exception {
        String script = String.join(";\n", statements().map(a -> (String) a.get()[0])
                .filter(q -> !q.startsWith("COPY")).toList());
        List<String> expected = PARSER.parseScript(script, "c.sql").parsed().stream().map(AstDigest::of).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> PARSER.parseScript(script, "c.sql").parsed().stream()
                        .map(AstDigest::of).toList()));
            }
            for (java.util.concurrent.Future<List<String>> f : futures) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
