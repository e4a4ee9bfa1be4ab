package dev.ferry.converter.types;

import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OracleToPostgresTypesTest {

    private static String map(String name, Long len, Integer p, Integer s, String declared) {
        return OracleToPostgresTypes.defaultMapping("C", DataType.of(name, len, p, s, declared)).sqlType();
    }

    @Test
    void numbers() {
        assertThat(map("number", null, 4, 0, "NUMBER(4)")).isEqualTo("smallint");
        assertThat(map("number", null, 9, null, "NUMBER(9)")).isEqualTo("integer");
        assertThat(map("number", null, 18, 0, "NUMBER(18,0)")).isEqualTo("bigint");
        assertThat(map("number", null, 19, 0, "NUMBER(19)")).isEqualTo("numeric(19)");
        assertThat(map("number", null, 8, 2, "NUMBER(8,2)")).isEqualTo("numeric(8,2)");
        assertThat(map("number", null, null, null, "NUMBER")).isEqualTo("numeric");
        assertThat(map("number", null, null, 0, "NUMBER(*,0)")).isEqualTo("numeric(38,0)");
        assertThat(OracleToPostgresTypes.defaultMapping("C", DataType.of("number")).actionItems())
                .anyMatch(i -> i.code().equals("ORA-PG-0201"));
    }

    @Test
    void othersAndUnknown() {
        assertThat(map("varchar2", 30L, null, null, "VARCHAR2(30 CHAR)")).isEqualTo("varchar(30)");
        assertThat(map("date", null, null, null, "DATE")).isEqualTo("timestamp(0)");
        assertThat(map("timestamp with local time zone", null, 3, null, "TIMESTAMP(3) WITH LOCAL TIME ZONE")).isEqualTo("timestamptz(3)");
        assertThat(map("interval day to second", null, 2, 4, "INTERVAL DAY(2) TO SECOND(4)")).isEqualTo("interval day to second(4)");
        assertThat(map("blob", null, null, null, "BLOB")).isEqualTo("bytea");
        assertThat(map("binary_float", null, null, null, "BINARY_FLOAT")).isEqualTo("real");
        assertThat(map("xmltype", null, null, null, "XMLTYPE")).isEqualTo("xml");
        OracleToPostgresTypes.Mapping udt = OracleToPostgresTypes.defaultMapping("C", DataType.of("address_t"));
        assertThat(udt.mapped()).isFalse();
        assertThat(udt.actionItems()).anyMatch(i -> i.code().equals("ORA-PG-0204"));
    }

    @Test
    void mostSpecificRuleWinsAndIsRecorded() {
        TypeMappingRule project = new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "number", null,
                null, null, "bigint", List.of());
        TypeMappingRule column = new TypeMappingRule(TypeMappingRule.Scope.COLUMN, "HR", "EMP", "SALARY", "number", null,
                null, null, "numeric(12,2)", List.of());
        OracleToPostgresTypes t = new OracleToPostgresTypes(List.of(column, project));
        OracleToPostgresTypes.Mapping salary = t.map("HR", "EMP", "SALARY", DataType.of("number"));
        assertThat(salary.sqlType()).isEqualTo("numeric(12,2)");
        assertThat(salary.rule()).isSameAs(column);
        OracleToPostgresTypes.Mapping id = t.map("HR", "EMP", "ID", DataType.of("number"));
        assertThat(id.sqlType()).isEqualTo("bigint");
        assertThat(id.rule()).isSameAs(project);
        assertThat(id.actionItems()).anyMatch(i -> i.code().equals("ORA-PG-0206"));
        assertThat(t.map("HR", "EMP", "NAME", DataType.of("varchar2", 10L, null, null, "VARCHAR2(10)")).rule()).isNull();
    }
}
