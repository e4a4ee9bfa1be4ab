package dev.ferry.converter.parse.sqlite;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.types.SqliteToPostgresTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite → PostgreSQL translation on the parse tree: rewrites, failures with positions, trigger bodies. */
class SqliteToPostgresSqlTest {

    private final SqliteToPostgresSql sql = new SqliteToPostgresSql("s",
            d -> SqliteToPostgresTypes.defaultMapping("c", SqliteToPostgresTypes.parseDeclared(d)).sqlType());

    @Test
    void expressionsAreRewrittenOnTheTree() {
        SqliteToPostgresSql.Translation t = sql.expression("ifnull(\"Name\", 'x') || 'a''b' == [Other] AND a IS b AND c IS NOT NULL",
                "f.sql", 3, 10);
        assertThat(t.translated()).isTrue();
        assertThat(t.sql()).isEqualTo("COALESCE(name, 'x') || 'a''b' = other AND a IS NOT DISTINCT FROM b AND c IS NOT NULL");
        assertThat(t.items()).extracting(ActionItem::code).containsExactly("SL-PG-0108");
    }

    @Test
    void castsGoThroughTheTypeMappingAndBlobsBecomeBytea() {
        assertThat(sql.expression("CAST(x AS NVARCHAR(10)) + x'00FF'", null, 0, 0).sql())
                .isEqualTo("CAST(x AS varchar(10)) + '\\x00FF'::bytea");
    }

    @Test
    void anUntranslatableFunctionFailsAtItsPosition() {
        SqliteToPostgresSql.Translation t = sql.expression("1 + strftime('%Y', d)", "f.sql", 7, 20);
        assertThat(t.translated()).isFalse();
        assertThat(t.items()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("SL-PG-0109");
            assertThat(i.line()).isEqualTo(7);
            assertThat(i.column()).isEqualTo(24);
            assertThat(i.message()).contains("strftime");
        });
    }

    @Test
    void aQueryQualifiesTablesButNotCtesAndTranslatesLimit() {
        SqliteToPostgresSql.Translation t = sql.query(
                "WITH x AS (SELECT id FROM main.T) SELECT x.id FROM x JOIN u ON u.id = x.id LIMIT 2, 5", null, 1, 1);
        assertThat(t.sql()).isEqualTo("WITH x AS (SELECT id FROM s.t) SELECT x.id FROM x JOIN s.u ON u.id = x.id LIMIT 5 OFFSET 2");
        assertThat(t.tables()).containsExactlyInAnyOrder("t", "u");
    }

    @Test
    void aTriggerBecomesPlpgsqlParts() {
        SqliteToPostgresSql.Trigger t = sql.trigger("""
                CREATE TRIGGER t1 BEFORE DELETE ON Parent FOR EACH ROW
                BEGIN
                  SELECT RAISE(IGNORE) WHERE old.locked;
                  DELETE FROM child WHERE parent_id = old.id;
                END""", "t.sql", 1, 1);
        assertThat(t.translation().translated()).isTrue();
        assertThat(t.timing()).isEqualTo("BEFORE");
        assertThat(t.events()).isEqualTo("DELETE");
        assertThat(t.body()).isEqualTo("    IF OLD.locked THEN\n        RETURN NULL;\n    END IF;\n"
                + "    DELETE FROM s.child WHERE parent_id = OLD.id;\n    RETURN OLD;");
    }

    @Test
    void insertOrReplaceInATriggerIsNotTranslated() {
        SqliteToPostgresSql.Trigger t = sql.trigger("CREATE TRIGGER t2 AFTER INSERT ON a BEGIN INSERT OR REPLACE INTO b VALUES (new.x); END",
                "t.sql", 1, 1);
        assertThat(t.translation().translated()).isFalse();
        assertThat(t.translation().items()).anyMatch(i -> i.message().contains("INSERT OR REPLACE"));
    }

    @Test
    void affinityRulesDecideUnknownTypeNames() {
        assertThat(SqliteToPostgresTypes.defaultMapping("c", SqliteToPostgresTypes.parseDeclared("BIGINTEGER")).sqlType()).isEqualTo("bigint");
        assertThat(SqliteToPostgresTypes.defaultMapping("c", SqliteToPostgresTypes.parseDeclared("CHARACTERS")).sqlType()).isEqualTo("text");
        assertThat(SqliteToPostgresTypes.defaultMapping("c", SqliteToPostgresTypes.parseDeclared("FLOATY")).sqlType()).isEqualTo("double precision");
        assertThat(SqliteToPostgresTypes.defaultMapping("c", SqliteToPostgresTypes.parseDeclared("")).sqlType()).isEqualTo("text");
        assertThat(SqliteToPostgresTypes.defaultMapping("c", SqliteToPostgresTypes.parseDeclared("DECIMAL(10,5)")).sqlType())
                .isEqualTo("numeric(10,5)");
    }
}
