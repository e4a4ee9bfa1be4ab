package dev.ferry.converter.parse.mysql;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlToPostgresSqlTest {

    private final MySqlParserFacade facade = new MySqlParserFacade();

    private MySqlToPostgresSql.Translation tr(String sql) {
        MySqlParsedStatement st = facade.parseStatement("t.sql", sql);
        assertThat(st.isParsed()).as(String.valueOf(st.error())).isTrue();
        return new MySqlToPostgresSql(Set.of("sakila"), "s").statement(st);
    }

    private String sql(String mysql) {
        return tr(mysql).sql();
    }

    @Test
    void identifiersAndQualifiers() {
        assertThat(sql("SELECT `Name`, a.`zip code` FROM `sakila`.`Address` a")).isEqualTo("SELECT name, a.\"zip code\" FROM s.address a");
        assertThat(tr("SELECT 1 FROM sakila.film f JOIN other.x ON 1 = 1").tables()).containsExactly("film", "x");
        assertThat(sql("WITH c AS (SELECT 1 AS n) SELECT n FROM c")).isEqualTo("WITH c AS (SELECT 1 AS n) SELECT n FROM c");
    }

    @Test
    void functions() {
        assertThat(sql("SELECT IFNULL(a, 0), IF(a > 1, 'x', 'y'), UCASE(b) FROM t"))
                .isEqualTo("SELECT COALESCE(a, 0), CASE WHEN a > 1 THEN 'x' ELSE 'y' END, upper(b) FROM s.t");
        assertThat(sql("SELECT IF(active, 'a', '') FROM t")).isEqualTo("SELECT CASE WHEN (active)::boolean THEN 'a' ELSE '' END FROM s.t");
        assertThat(sql("SELECT NOW(), CURDATE(), CURRENT_TIMESTAMP")).isEqualTo("SELECT CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIMESTAMP");
        assertThat(sql("SELECT DATE_ADD(d, INTERVAL 3 DAY), DATE_SUB(d, INTERVAL n MONTH) FROM t"))
                .isEqualTo("SELECT (d + interval '3 days'), (d - (n) * interval '1 months') FROM s.t");
        assertThat(sql("SELECT CAST(x AS SIGNED), CAST(x AS UNSIGNED), CAST(x AS CHAR) FROM t"))
                .isEqualTo("SELECT CAST(x AS bigint), CAST(x AS numeric(20)), CAST(x AS text) FROM s.t");
        MySqlToPostgresSql.Translation df = tr("SELECT DATE_FORMAT(d, '%Y-%m-%d %H:%i') FROM t");
        assertThat(df.sql()).isEqualTo("SELECT to_char(d, 'YYYY-MM-DD HH24:MI') FROM s.t");
        assertThat(df.items()).extracting(i -> i.code()).containsExactly("MY-PG-0117");
    }

    @Test
    void groupConcat() {
        assertThat(sql("SELECT GROUP_CONCAT(f.title ORDER BY f.title SEPARATOR ', ') FROM film f"))
                .isEqualTo("SELECT string_agg((f.title)::text, ', ' ORDER BY f.title) FROM s.film f");
        assertThat(sql("SELECT GROUP_CONCAT(DISTINCT a, b) FROM t"))
                .isEqualTo("SELECT string_agg(DISTINCT (((a)::text || b))::text, ',') FROM s.t");
        assertThat(sql("SELECT CONCAT(a, ' ', b) FROM t")).isEqualTo("SELECT (a || ' ' || b) FROM s.t");
    }

    @Test
    void operatorsLimitsAndLiterals() {
        assertThat(sql("SELECT a <=> b, a DIV 2, NOT a && b || c FROM t LIMIT 10, 5"))
                .isEqualTo("SELECT a IS NOT DISTINCT FROM b, trunc((a) / (2))::bigint, NOT a AND b OR c FROM s.t LIMIT 5 OFFSET 10");
        assertThat(sql("SELECT 'it\\'s', \"dq\", _utf8mb4'x', 'a\\nb' FROM t"))
                .isEqualTo("SELECT 'it''s', 'dq', 'x', '\nb' FROM s.t".replace("'\nb'", "'a\nb'"));
        assertThat(sql("SELECT * FROM t LOCK IN SHARE MODE")).isEqualTo("SELECT * FROM s.t FOR SHARE");
    }

    @Test
    void groupByIsCompletedForPostgres() {
        MySqlToPostgresSql.Translation t = tr("SELECT CONCAT(c.city, ',', cy.country) AS store, SUM(p.amount) AS total "
                + "FROM p JOIN c ON 1 = 1 JOIN cy ON 1 = 1 GROUP BY s.store_id ORDER BY cy.country, total");
        assertThat(t.sql()).contains("GROUP BY s.store_id, c.city, cy.country ORDER BY cy.country, total")
                .startsWith("SELECT (c.city || ',' || cy.country) AS store");
        assertThat(t.items()).anyMatch(i -> i.code().equals("MY-PG-0126"));
    }

    @Test
    void insertsBecomeTypedForTheTarget() {
        MySqlParsedStatement st = facade.parseStatement("d.sql",
                "INSERT INTO `customer` VALUES (1,'A\\'B',1,'0000-00-00 00:00:00',0x0A0B)");
        MySqlToPostgresSql.ColumnTypes types = (table, column, pos) -> switch (pos) {
            case 3 -> "boolean";
            case 4 -> "timestamp(0)";
            default -> "integer";
        };
        assertThat(new MySqlToPostgresSql(Set.of(), "s").insert(st, types).sql())
                .isEqualTo("INSERT INTO s.customer VALUES (1, 'A''B', TRUE, NULL, '\\x0A0B'::bytea)");
    }
}
