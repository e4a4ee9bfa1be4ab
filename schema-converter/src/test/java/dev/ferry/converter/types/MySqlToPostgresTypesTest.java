package dev.ferry.converter.types;

import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlToPostgresTypesTest {

    private static DataType t(String name, Long length, Integer p, Integer s, boolean unsigned, List<String> values) {
        return new DataType(name, length, p, s, null, unsigned, false, values, 0, name);
    }

    private static MySqlToPostgresTypes.Mapping map(DataType type) {
        return MySqlToPostgresTypes.defaultMapping("c", type);
    }

    @Test
    void integers() {
        assertThat(map(t("tinyint", null, null, null, false, List.of())).sqlType()).isEqualTo("smallint");
        MySqlToPostgresTypes.Mapping bool = map(t("tinyint", 1L, null, null, false, List.of()));
        assertThat(bool.sqlType()).isEqualTo("boolean");
        assertThat(bool.actionItems()).extracting(i -> i.code()).containsExactly("MY-PG-0101");
        MySqlToPostgresTypes.Mapping utiny = map(t("tinyint", null, null, null, true, List.of()));
        assertThat(utiny.sqlType()).isEqualTo("smallint");
        assertThat(utiny.checks()).containsExactly("c BETWEEN 0 AND 255");
        assertThat(map(t("smallint", null, null, null, true, List.of())).sqlType()).isEqualTo("integer");
        assertThat(map(t("mediumint", null, null, null, true, List.of())).sqlType()).isEqualTo("integer");
        assertThat(map(t("int", 11L, null, null, false, List.of())).sqlType()).isEqualTo("integer");
        MySqlToPostgresTypes.Mapping uint = map(t("int", null, null, null, true, List.of()));
        assertThat(uint.sqlType()).isEqualTo("bigint");
        assertThat(uint.checks()).containsExactly("c >= 0");
        assertThat(uint.actionItems()).extracting(i -> i.code()).containsExactly("MY-PG-0102");
        assertThat(map(t("bigint", null, null, null, true, List.of())).sqlType()).isEqualTo("numeric(20)");
        assertThat(map(t("bigint", null, null, null, false, List.of())).checks()).isEmpty();
    }

    @Test
    void numbersTextAndBinary() {
        assertThat(map(t("decimal", null, 5, 2, false, List.of())).sqlType()).isEqualTo("numeric(5,2)");
        assertThat(map(t("float", null, null, null, false, List.of())).sqlType()).isEqualTo("real");
        assertThat(map(t("double", null, null, null, false, List.of())).sqlType()).isEqualTo("double precision");
        assertThat(map(t("bit", 1L, null, null, false, List.of())).sqlType()).isEqualTo("boolean");
        assertThat(map(t("bit", 8L, null, null, false, List.of())).sqlType()).isEqualTo("bit varying(8)");
        assertThat(map(t("varchar", 45L, null, null, false, List.of())).sqlType()).isEqualTo("varchar(45)");
        assertThat(map(t("char", 20L, null, null, false, List.of())).sqlType()).isEqualTo("char(20)");
        for (String text : List.of("tinytext", "text", "mediumtext", "longtext")) {
            assertThat(map(t(text, null, null, null, false, List.of())).sqlType()).isEqualTo("text");
        }
        for (String bin : List.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob")) {
            assertThat(map(t(bin, 16L, null, null, false, List.of())).sqlType()).isEqualTo("bytea");
        }
        assertThat(map(t("json", null, null, null, false, List.of())).sqlType()).isEqualTo("jsonb");
    }

    @Test
    void temporal() {
        assertThat(map(t("date", null, null, null, false, List.of())).sqlType()).isEqualTo("date");
        assertThat(map(t("datetime", 3L, null, null, false, List.of())).sqlType()).isEqualTo("timestamp(3)");
        MySqlToPostgresTypes.Mapping ts = map(t("timestamp", null, null, null, false, List.of()));
        assertThat(ts.sqlType()).isEqualTo("timestamptz(0)");
        assertThat(ts.actionItems()).extracting(i -> i.code()).containsExactly("MY-PG-0104");
        assertThat(map(t("time", 6L, null, null, false, List.of())).actionItems()).extracting(i -> i.code()).containsExactly("MY-PG-0105");
        MySqlToPostgresTypes.Mapping year = map(t("year", null, null, null, false, List.of()));
        assertThat(year.sqlType()).isEqualTo("smallint");
        assertThat(year.checks()).containsExactly("c = 0 OR c BETWEEN 1901 AND 2155");
    }

    @Test
    void enumsSetsAndSpatial() {
        MySqlToPostgresTypes.Mapping e = map(t("enum", null, null, null, false, List.of("G", "PG-13", "it's")));
        assertThat(e.sqlType()).isEqualTo("varchar(5)");
        assertThat(e.checks()).containsExactly("c IN ('G', 'PG-13', 'it''s')");
        MySqlToPostgresTypes.Mapping set = map(t("set", null, null, null, false, List.of("a", "b")));
        assertThat(set.sqlType()).isEqualTo("text");
        assertThat(set.checks()).containsExactly("string_to_array(c, ',') <@ ARRAY['a', 'b']::text[]");
        MySqlToPostgresTypes.Mapping geo = map(t("geometry", null, null, null, false, List.of()));
        assertThat(geo.sqlType()).isEqualTo("bytea");
        assertThat(geo.actionItems()).extracting(i -> i.severity().name()).containsExactly("HIGH");
        assertThat(map(t("weird", null, null, null, false, List.of())).mapped()).isFalse();
    }

    @Test
    void rulesWin() {
        TypeMappingRule smallint = new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "tinyint",
                new TypeMappingRule.Range(1, 1), null, null, "smallint", List.of());
        TypeMappingRule asEnum = new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "enum",
                null, null, null, "enum", List.of());
        MySqlToPostgresTypes types = new MySqlToPostgresTypes(List.of(smallint, asEnum));
        MySqlToPostgresTypes.Mapping m = types.map("s", "t", "flag", t("tinyint", 1L, null, null, false, List.of()));
        assertThat(m.sqlType()).isEqualTo("smallint");
        assertThat(m.actionItems()).extracting(i -> i.code()).containsExactly("ORA-PG-0206");
        MySqlToPostgresTypes.Mapping e = types.map("s", "t", "rating", t("enum", null, null, null, false, List.of("a")));
        assertThat(e.enumType()).isTrue();
    }
}
