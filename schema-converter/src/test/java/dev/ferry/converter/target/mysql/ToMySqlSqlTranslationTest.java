package dev.ferry.converter.target.mysql;

import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.mysql.MySqlToMySqlSql;
import dev.ferry.converter.parse.oracle.OracleToMySqlSql;
import dev.ferry.converter.parse.postgres.PostgresToMySqlSql;
import dev.ferry.converter.parse.sqlite.SqliteToMySqlSql;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Expression and query translation into MySQL from each source dialect, on the parse trees. */
class ToMySqlSqlTranslationTest {

    private final PostgresToMySqlSql pg = new PostgresToMySqlSql(n -> n);
    private final SqliteToMySqlSql sqlite = new SqliteToMySqlSql(n -> n);
    private final OracleToMySqlSql oracle = new OracleToMySqlSql(n -> n.equals(n.toUpperCase(Locale.ROOT)) ? n.toLowerCase(Locale.ROOT) : n);

    private static String ok(TargetSql t) {
        assertThat(t.translated()).as("translated: " + t.items()).isTrue();
        return t.sql();
    }

    @Test
    void postgresExpressions() {
        assertThat(ok(pg.expression("TIMESTAMP '2020-01-01 10:00'"))).isEqualTo("TIMESTAMP '2020-01-01 10:00'");
        assertThat(ok(pg.expression("(gender = ANY (ARRAY['M'::text, 'F'::text]))"))).isEqualTo("(gender IN ('M', 'F'))");
        assertThat(ok(pg.expression("'abc'::character varying"))).isEqualTo("'abc'");
        PostgresToMySqlSql withText = new PostgresToMySqlSql(n -> n).withTextColumns(c -> c.equals("name"));
        assertThat(ok(withText.expression("((c.name)::text = 'x'::text)"))).isEqualTo("(c.name = 'x')");
        assertThat(ok(withText.expression("(id)::text"))).isEqualTo("CAST(id AS CHAR)");
        assertThat(ok(pg.expression("(id + 1)::text"))).isEqualTo("CAST(id + 1 AS CHAR)");
        assertThat(ok(pg.expression("(first_name || ' ' || last_name)"))).isEqualTo("(CONCAT(CONCAT(first_name, ' '), last_name))");
        assertThat(ok(pg.expression("a IS DISTINCT FROM b"))).isEqualTo("NOT (a <=> b)");
        assertThat(ok(pg.expression("strpos(name, 'x')"))).isEqualTo("LOCATE('x', name)");
        assertThat(ok(pg.expression("now()"))).isEqualTo("NOW(6)");
        assertThat(ok(pg.expression("CURRENT_TIMESTAMP"))).isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(ok(pg.expression("CURRENT_TIMESTAMP(3)"))).isEqualTo("CURRENT_TIMESTAMP(3)");
        assertThat(ok(pg.expression("CURRENT_DATE"))).isEqualTo("CURRENT_DATE");
        assertThat(ok(pg.expression("'C:\\dir'"))).isEqualTo("'C:\\\\dir'");
        assertThat(ok(pg.expression("(price)::numeric(10,2) > 0"))).isEqualTo("CAST(price AS DECIMAL(10,2)) > 0");
        assertThat(ok(pg.expression("\"Unit Price\" * 2"))).isEqualTo("`Unit Price` * 2");
        assertThat(pg.expression("nextval('s'::regclass)").translated()).isFalse();
        assertThat(ok(new PostgresToMySqlSql(n -> n).withSequences(x -> x.equals("invoice_seq"))
                .expression("nextval('public.invoice_seq'::regclass)"))).isEqualTo("NEXTVAL(invoice_seq)");
        assertThat(pg.expression("name ~ 'a.*'").translated()).isFalse();
        assertThat(pg.expression("tags[1]").translated()).isFalse();
        // date ± n means days in PostgreSQL but numbers in MySQL: refused, never translated wrongly
        assertThat(pg.expression("(CURRENT_DATE - 30)").translated()).isFalse();
        assertThat(new PostgresToMySqlSql(n -> n, c -> c.equals("hired"), Set.of()).expression("hired + 1").translated()).isFalse();
        assertThat(ok(new PostgresToMySqlSql(n -> n, c -> false, Set.of("mood")).expression("'ok'::mood"))).isEqualTo("'ok'");
        TargetSql ilike = pg.expression("name ILIKE 'a%'");
        assertThat(ok(ilike)).isEqualTo("LOWER(name) LIKE LOWER('a%')");
        assertThat(ilike.items()).anyMatch(i -> i.code().equals("TO-MY-0203"));
    }

    @Test
    void postgresQueries() {
        TargetSql q = pg.query("SELECT e.\"First Name\", count(*) AS n FROM public.employee e JOIN dept d ON d.id = e.dept GROUP BY e.\"First Name\"");
        assertThat(ok(q)).isEqualTo("SELECT e.`First Name`, COUNT(*) AS n FROM employee e JOIN dept d ON d.id = e.dept GROUP BY e.`First Name`");
        assertThat(q.tables()).containsExactlyInAnyOrder("employee", "dept");
        assertThat(pg.query("SELECT DISTINCT ON (a) a, b FROM t").translated()).isFalse();
        assertThat(ok(pg.query("SELECT string_agg(name, ', ') FROM t"))).isEqualTo("SELECT GROUP_CONCAT(name SEPARATOR ', ') FROM t");
    }

    @Test
    void sqliteExpressionsAndQueries() {
        assertThat(ok(sqlite.expression("\"Name\" || ' ' || [Other]"))).isEqualTo("CONCAT(CONCAT(`Name`, ' '), `Other`)");
        assertThat(ok(sqlite.expression("ifnull(a, 0)"))).isEqualTo("IFNULL(a, 0)");
        assertThat(ok(sqlite.expression("max(a, b)"))).isEqualTo("GREATEST(a, b)");
        assertThat(ok(sqlite.expression("datetime('now')"))).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(ok(sqlite.expression("x IS NOT y"))).isEqualTo("NOT (x <=> y)");
        assertThat(sqlite.expression("a GLOB 'x*'").translated()).isFalse();
        assertThat(sqlite.expression("strftime('%Y', d)").translated()).isFalse();
        TargetSql q = sqlite.query("SELECT l.emp_no, dept_no FROM dept_emp d INNER JOIN dept_emp_latest_date l ON d.emp_no=l.emp_no");
        assertThat(ok(q)).isEqualTo("SELECT l.emp_no, dept_no FROM dept_emp AS d INNER JOIN dept_emp_latest_date AS l ON d.emp_no = l.emp_no");
        assertThat(q.tables()).containsExactlyInAnyOrder("dept_emp", "dept_emp_latest_date");
    }

    @Test
    void oracleConditionsAndQueries() {
        assertThat(ok(oracle.expression("salary > 0"))).isEqualTo("salary > 0");
        assertThat(ok(oracle.expression("NVL(commission_pct, 0) <> 1"))).isEqualTo("IFNULL(commission_pct, 0) <> 1");
        assertThat(ok(oracle.expression("first_name || ' ' || last_name"))).isEqualTo("CONCAT_WS('', first_name, ' ', last_name)");
        assertThat(ok(oracle.expression("SYSDATE"))).isEqualTo("NOW()");
        assertThat(ok(oracle.expression("product_details IS JSON"))).isEqualTo("JSON_VALID(product_details)");
        assertThat(ok(oracle.expression("DECODE(status, 'A', 1, 0)"))).isEqualTo("CASE WHEN status <=> 'A' THEN 1 ELSE 0 END");
        assertThat(ok(oracle.expression("q'[it's]' = name"))).isEqualTo("'it''s' = name");
        assertThat(oracle.expression("TO_CHAR(hire_date, 'YYYY')").translated()).isFalse();
        assertThat(oracle.expression("SYSDATE + 1 > x").translated()).isFalse();
        assertThat(oracle.expression("order_seq.NEXTVAL").translated()).isFalse();
        assertThat(ok(new OracleToMySqlSql(n -> n.toLowerCase(Locale.ROOT)).withSequences(s -> s.equals("ORDER_SEQ"))
                .expression("order_seq.NEXTVAL"))).isEqualTo("NEXTVAL(order_seq)");
        assertThat(ok(oracle.query("SELECT LISTAGG(p.name, ', ') WITHIN GROUP (ORDER BY p.id) items FROM products p")))
                .isEqualTo("SELECT GROUP_CONCAT(p.name ORDER BY p.id SEPARATOR ', ') items FROM products p");
        assertThat(oracle.query("SELECT LISTAGG(name, ',' ON OVERFLOW TRUNCATE) WITHIN GROUP (ORDER BY id) FROM t").translated()).isFalse();
        assertThat(new OracleToMySqlSql(n -> n, c -> c.equals("END_DATE")).expression("end_date - 1 > start_date").translated()).isFalse();
        assertThat(ok(new OracleToMySqlSql(n -> n.toLowerCase(Locale.ROOT), c -> c.equals("END_DATE")).expression("end_date > start_date")))
                .isEqualTo("end_date > start_date");
        TargetSql outer = oracle.query("SELECT e.last_name FROM hr.employees e, departments d WHERE e.department_id = d.department_id(+)");
        assertThat(outer.translated()).isFalse();
        TargetSql q = oracle.query("SELECT \"Mixed\", job_id FROM hr.jobs MINUS SELECT \"Mixed\", job_id FROM job_history FETCH FIRST 5 ROWS ONLY");
        assertThat(ok(q)).isEqualTo("SELECT `Mixed`, job_id FROM jobs EXCEPT SELECT `Mixed`, job_id FROM job_history LIMIT 5");
        assertThat(q.tables()).containsExactlyInAnyOrder("jobs", "job_history");
    }

    @Test
    void mysqlCopiesDropSourceQualifiersAndDefiners() {
        MySqlToMySqlSql my = new MySqlToMySqlSql(Set.of("sakila"));
        TargetSql v = my.statement("select `f`.`film_id` AS `FID`,`sakila`.`film`.`title` AS `title` from `sakila`.`film` `f`");
        assertThat(ok(v)).isEqualTo("select `f`.`film_id` AS `FID`,`film`.`title` AS `title` from `film` `f`");
        assertThat(v.tables()).containsExactly("film");
        TargetSql fn = my.statement("CREATE DEFINER=`root`@`localhost` FUNCTION `f`(p INT) RETURNS int(11) DETERMINISTIC RETURN p + 1");
        assertThat(ok(fn)).doesNotContain("DEFINER").startsWith("CREATE").contains("FUNCTION `f`(p INT)");
        assertThat(my.isConstant("'G'")).isTrue();
        assertThat(my.isConstant("current_timestamp()")).isTrue();
        assertThat(my.isConstant("uuid()")).isFalse();
    }
}
