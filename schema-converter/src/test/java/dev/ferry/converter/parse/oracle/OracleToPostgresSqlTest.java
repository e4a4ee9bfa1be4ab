package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionItem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OracleToPostgresSqlTest {

    private final OracleToPostgresSql t = new OracleToPostgresSql("hr", Set.of("EMP", "DEPT", "EMP_SEQ"));
    private static final OracleToPostgresSql.Origin AT_10_5 = new OracleToPostgresSql.Origin(10, 5);

    private String expr(String oracle) {
        return t.expression(oracle, OracleToPostgresSql.Origin.NONE, false).sql();
    }

    private OracleToPostgresSql.Translation query(String oracle) {
        return t.query(oracle, AT_10_5);
    }

    @Test
    void functions() {
        assertThat(expr("NVL(a, 0)")).isEqualTo("COALESCE(a, 0)");
        assertThat(expr("NVL2(a, 'y', 'n')")).isEqualTo("CASE WHEN a IS NOT NULL THEN 'y' ELSE 'n' END");
        assertThat(expr("DECODE(x, 1, 'one', NULL, 'none')")).isEqualTo("CASE WHEN x IS NOT DISTINCT FROM 1 THEN 'one' WHEN x IS NULL THEN 'none' END");
        assertThat(expr("NVL(DECODE(x, 1, 2), 3)")).isEqualTo("COALESCE(CASE WHEN x IS NOT DISTINCT FROM 1 THEN 2 END, 3)");
        assertThat(expr("SYSDATE")).isEqualTo("LOCALTIMESTAMP(0)");
        assertThat(expr("emp_seq.NEXTVAL")).isEqualTo("nextval('hr.emp_seq')");
        assertThat(expr("INSTR(name, 'x')")).isEqualTo("strpos(name, 'x')");
        assertThat(expr("TRUNC(d, 'MM')")).isEqualTo("date_trunc('month', d)");
        assertThat(expr("TRUNC(12.5)")).isEqualTo("trunc(12.5)");
        assertThat(expr("TO_DATE('2020-01-02', 'YYYY-MM-DD')")).isEqualTo("to_date('2020-01-02', 'YYYY-MM-DD')::timestamp(0)");
        assertThat(expr("TO_DATE('2020-01-02 10:11', 'YYYY-MM-DD HH24:MI')")).isEqualTo("to_timestamp('2020-01-02 10:11', 'YYYY-MM-DD HH24:MI')::timestamp(0)");
        assertThat(expr("ADD_MONTHS(d, 3)")).isEqualTo("(d + (3) * interval '1 month')");
        assertThat(expr("a || b || 'c'")).isEqualTo("concat(a, b, 'c')");
        assertThat(t.expression("a || b", OracleToPostgresSql.Origin.NONE, true).sql()).isEqualTo("a || b");
        assertThat(expr("CAST(x AS VARCHAR2(10))")).isEqualTo("CAST(x AS varchar(10))");
        assertThat(expr("\"MixedCol\" + \"UPPER\"")).isEqualTo("\"MixedCol\" + upper");
        assertThat(expr("q'[it's]'")).isEqualTo("'it''s'");
        assertThat(expr("''")).isEqualTo("NULL");
        assertThat(expr("a = ''")).isEqualTo("a = ''");
    }

    @Test
    void itemsCarrySourcePositions() {
        OracleToPostgresSql.Translation x = t.expression("a = ''\n  OR b = INSTR(c, 'x', 1, 2)", AT_10_5, false);
        assertThat(x.items()).extracting(ActionItem::code).contains("ORA-PG-0501", "ORA-PG-0528");
        ActionItem empty = x.items().stream().filter(i -> i.code().equals("ORA-PG-0501")).findFirst().orElseThrow();
        assertThat(empty.line()).isEqualTo(10);
        assertThat(empty.column()).isEqualTo(9);
        ActionItem instr = x.items().stream().filter(i -> i.code().equals("ORA-PG-0528")).findFirst().orElseThrow();
        assertThat(instr.line()).isEqualTo(11);
        assertThat(instr.column()).isEqualTo(10);
    }

    @Test
    void helpersReplaceMonthsBetweenAndInstrWithPositionOrOccurrence() {
        OracleToPostgresSql.Translation x = t.expression("MONTHS_BETWEEN(a, b) + INSTR(c, 'x', -1) + INSTR(c, 'x', 1, 2)", AT_10_5, false);
        assertThat(x.sql()).isEqualTo("ferry_compat.months_between(a, b) + ferry_compat.instr(c, 'x', -1) + ferry_compat.instr(c, 'x', 1, 2)");
        assertThat(x.items()).extracting(ActionItem::message).contains("MONTHS_BETWEEN uses helper ferry_compat.months_between",
                "INSTR with 3 arguments uses helper ferry_compat.instr");
        // the plain forms stay inline: no helper
        OracleToPostgresSql.Translation plain = t.expression("INSTR(c, 'x', 1, 1)", AT_10_5, false);
        assertThat(plain.sql()).isEqualTo("strpos(c, 'x')");
        assertThat(plain.items()).extracting(ActionItem::code).doesNotContain("ORA-PG-0528");
    }

    @Test
    void queries() {
        assertThat(query("SELECT 1 FROM DUAL").sql()).isEqualTo("SELECT 1");
        assertThat(query("SELECT a FROM emp MINUS SELECT a FROM dept").sql()).isEqualTo("SELECT a FROM hr.emp EXCEPT SELECT a FROM hr.dept");
        assertThat(query("SELECT * FROM emp WHERE ROWNUM <= 3").sql()).isEqualTo("SELECT * FROM hr.emp\nLIMIT 3");
        assertThat(query("SELECT * FROM emp WHERE x = 1 AND ROWNUM < 3").sql()).isEqualTo("SELECT * FROM hr.emp WHERE x = 1\nLIMIT 2");
        assertThat(query("SELECT e.a, d.b FROM emp e, dept d WHERE e.d = d.d(+)").sql())
                .isEqualTo("SELECT e.a, d.b FROM hr.emp e\n  LEFT JOIN hr.dept d ON e.d = d.d");
        assertThat(query("SELECT LISTAGG(n, ',') WITHIN GROUP (ORDER BY n) FROM emp").sql())
                .isEqualTo("SELECT string_agg(CAST(n AS text), ',' ORDER BY n) FROM hr.emp");
        assertThat(query("SELECT UNIQUE a FROM emp").sql()).isEqualTo("SELECT DISTINCT a FROM hr.emp");
        assertThat(query("SELECT a FROM emp e, dept d WHERE e.x(+) = d.x").tables()).containsExactlyInAnyOrder("EMP", "DEPT");
    }

    @Test
    void rownumWithOrderByIsNotALimit() {
        OracleToPostgresSql.Translation x = query("SELECT * FROM emp WHERE ROWNUM <= 3 ORDER BY a");
        assertThat(x.sql()).doesNotContain("LIMIT");
        assertThat(x.items()).anyMatch(i -> i.code().equals("ORA-PG-0510"));
    }

    @Test
    void complexOuterJoinsAreFlagged() {
        OracleToPostgresSql.Translation x = query("SELECT * FROM emp e, dept d, loc l WHERE e.d = d.d(+) + l.x(+)");
        assertThat(x.items()).anyMatch(i -> i.code().equals("ORA-PG-0512"));
        assertThat(x.sql()).contains("(+)");
    }

    @Test
    void connectByBecomesRecursive() {
        OracleToPostgresSql.Translation x = query("SELECT emp_id, LEVEL FROM emp START WITH mgr_id IS NULL CONNECT BY PRIOR emp_id = mgr_id");
        assertThat(x.sql()).startsWith("WITH RECURSIVE ferry_h AS (").contains("JOIN ferry_h ON ferry_h.emp_id = emp.mgr_id")
                .contains("emp.ferry_level");
        assertThat(x.items()).anyMatch(i -> i.code().equals("ORA-PG-0513"));
        OracleToPostgresSql.Translation y = query("SELECT a FROM emp e JOIN dept d ON e.d = d.d CONNECT BY PRIOR e.a = e.b");
        assertThat(y.items()).anyMatch(i -> i.code().equals("ORA-PG-0514"));
    }

    @Test
    void unparsableTextIsKeptWithAnItem() {
        OracleToPostgresSql.Translation x = t.expression("a +* b", AT_10_5, false);
        assertThat(x.translated()).isFalse();
        assertThat(x.sql()).isEqualTo("a +* b");
        assertThat(x.items()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("ORA-PG-0519");
            assertThat(i.line()).isEqualTo(10);
        });
    }

    @Test
    void insertsInsidePlsqlBlocksAreFound() {
        OracleParseResult r = new OracleParserFacade().parseScript(
                "BEGIN\n  INSERT INTO emp VALUES (1, TO_DATE('01-02-2020', 'dd-MM-yyyy'));\n  INSERT INTO dept VALUES (2, NULL);\nEND;\n/\n",
                Path.of("data.sql"));
        assertThat(r.errors()).isEmpty();
        var dml = t.dmlStatements(r.statements().get(0));
        assertThat(dml).extracting(OracleToPostgresSql.Translation::sql).containsExactly(
                "INSERT INTO hr.emp VALUES (1, to_date('01-02-2020', 'dd-MM-yyyy')::timestamp(0))",
                "INSERT INTO hr.dept VALUES (2, NULL)");
    }
}
