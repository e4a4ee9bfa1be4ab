package dev.ferry.converter.types;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.Severity;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.project.TypeMappingRule.Range;
import dev.ferry.model.project.TypeMappingRule.Scope;
import dev.ferry.model.project.TypeMappingRule.TypeAction;
import dev.ferry.model.project.TypeMappingRule.TypeTransformation;
import dev.ferry.model.schema.DataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeRulesTest {

    static final DataType NUMBER_5 = DataType.of("number", null, 5, 0, "NUMBER(5)");
    static final DataType VARCHAR2_40 = DataType.of("varchar2", 40L, null, null, "VARCHAR2(40)");

    static TypeMappingRule rule(Scope scope, String schema, String table, String column, String source, String target,
                                TypeTransformation... tts) {
        return new TypeMappingRule(scope, schema, table, column, source, null, null, null, target, List.of(), List.of(tts));
    }

    @Test
    void theMostSpecificScopeWinsWhateverTheListOrder() {
        TypeMappingRule column = rule(Scope.COLUMN, "HR", "EMP", "ID", "number", "bigint");
        TypeMappingRule table = rule(Scope.TABLE, "HR", "EMP", null, "number", "integer");
        TypeMappingRule schema = rule(Scope.SCHEMA, "HR", null, null, "number", "numeric(5)");
        TypeMappingRule project = rule(Scope.PROJECT, null, null, null, "number", "smallint");
        TypeRules rules = new TypeRules(List.of(project, schema, table, column));
        assertThat(rules.apply("HR", "EMP", "ID", NUMBER_5, () -> "x").orElseThrow().targetType()).isEqualTo("bigint");
        assertThat(rules.apply("HR", "EMP", "AGE", NUMBER_5, () -> "x").orElseThrow().targetType()).isEqualTo("integer");
        assertThat(rules.apply("HR", "DEPT", "ID", NUMBER_5, () -> "x").orElseThrow().targetType()).isEqualTo("numeric(5)");
        assertThat(rules.apply("OE", "DEPT", "ID", NUMBER_5, () -> "x").orElseThrow().targetType()).isEqualTo("smallint");
        // reversed order: the same winners
        TypeRules reversed = new TypeRules(List.of(column, table, schema, project));
        assertThat(reversed.apply("HR", "EMP", "ID", NUMBER_5, () -> "x").orElseThrow().rule()).isSameAs(column);
        assertThat(reversed.apply("OE", "X", "Y", NUMBER_5, () -> "x").orElseThrow().rule()).isSameAs(project);
        // another source type: no rule, the default applies
        assertThat(rules.apply("HR", "EMP", "NAME", VARCHAR2_40, () -> "x")).isEmpty();
    }

    @Test
    void withinAScopeTheFirstMatchingRuleWinsAndWildcardsAndRangesNarrowIt() {
        TypeMappingRule small = new TypeMappingRule(Scope.TABLE, "HR", "E%", null, "number", null, new Range(1, 4),
                new Range(null, 0), "smallint", List.of());
        TypeMappingRule any = rule(Scope.TABLE, "HR", "EMP", null, "number", "numeric");
        TypeRules rules = new TypeRules(List.of(small, any));
        TypeRules.Applied a = rules.apply("HR", "EMP", "ID", DataType.of("number", null, 4, 0, "NUMBER(4)"), () -> "x").orElseThrow();
        assertThat(a.rule()).isSameAs(small);
        assertThat(a.number()).isEqualTo(1);
        TypeRules.Applied b = rules.apply("HR", "EMP", "ID", NUMBER_5, () -> "x").orElseThrow();
        assertThat(b.rule()).isSameAs(any);
        assertThat(b.number()).isEqualTo(2);
        assertThat(rules.apply("HR", "DEPT", "ID", DataType.of("number", null, 4, 0, "NUMBER(4)"), () -> "x")).isEmpty();
        // type names match case-insensitively, object names case-sensitively
        assertThat(rules.apply("hr", "EMP", "ID", NUMBER_5, () -> "x")).isEmpty();
        assertThat(rules.apply("HR", "EMP", "ID", DataType.of("NUMBER", null, 5, 0, "NUMBER(5)"), () -> "x")).isPresent();
    }

    @Test
    void theReportNamesTheRuleThatAppliedToTheColumn() {
        TypeMappingRule r = rule(Scope.COLUMN, "HR", "EMP", "ACTIVE", "char", "boolean");
        TypeRules.Applied a = new TypeRules(List.of(rule(Scope.PROJECT, null, null, null, "date", "date"), r))
                .apply("HR", "EMP", "ACTIVE", DataType.of("char", 1L, null, null, "CHAR(1)"), () -> "char(1)").orElseThrow();
        assertThat(a.items()).hasSize(1);
        ActionItem item = a.items().get(0);
        assertThat(item.code()).isEqualTo(ActionCode.TYPE_RULE_APPLIED.code());
        assertThat(item.message()).isEqualTo("Column ACTIVE: CHAR(1) → boolean by type mapping rule #2 (column HR.EMP.ACTIVE, char)");
    }

    @Test
    void scaleLengthMultipliesTheDefaultTypesLengthRoundingUp() {
        TypeRules rules = new TypeRules(List.of(rule(Scope.PROJECT, null, null, null, "varchar2", null,
                TypeTransformation.scaleLength(150))));
        TypeRules.Applied a = rules.apply("HR", "EMP", "NAME", VARCHAR2_40, () -> "varchar(40)").orElseThrow();
        assertThat(a.targetType()).isEqualTo("varchar(60)");
        assertThat(TypeRules.transform("varchar(3)", List.of(TypeTransformation.scaleLength(150)), new ArrayList<>()))
                .isEqualTo("varchar(5)");
        assertThat(TypeRules.transform("char(10)", List.of(TypeTransformation.scaleLength(50)), new ArrayList<>()))
                .isEqualTo("char(5)");
    }

    @Test
    void scaleLengthWithoutASingleLengthIsReportedNotIgnored() {
        TypeRules rules = new TypeRules(List.of(rule(Scope.PROJECT, null, null, null, "number", "numeric(10,2)",
                TypeTransformation.scaleLength(200))));
        TypeRules.Applied a = rules.apply("HR", "EMP", "SAL", NUMBER_5, () -> "x").orElseThrow();
        assertThat(a.targetType()).isEqualTo("numeric(10,2)");
        assertThat(a.items()).extracting(ActionItem::code)
                .containsExactly(ActionCode.TYPE_RULE_APPLIED.code(), ActionCode.TYPE_RULE_TRANSFORMATION_SKIPPED.code());
        assertThat(a.items().get(1).severity()).isEqualTo(Severity.LOW);
        assertThat(a.items().get(1).message()).contains("scale-length 200%: numeric(10,2) has no single length to scale");
    }

    @Test
    void changeTypeReplacesTheNameAndKeepsTheModifiers() {
        List<String> skipped = new ArrayList<>();
        assertThat(TypeRules.transform("varchar(40)", List.of(TypeTransformation.of(TypeAction.CHANGE_TYPE, "character varying")),
                skipped)).isEqualTo("character varying(40)");
        assertThat(TypeRules.transform("timestamp(0)", List.of(TypeTransformation.of(TypeAction.CHANGE_TYPE, "timestamptz")),
                skipped)).isEqualTo("timestamptz(0)");
        assertThat(skipped).isEmpty();
    }

    @Test
    void prefixesAndSuffixesChangeTheTypeName() {
        List<String> skipped = new ArrayList<>();
        assertThat(TypeRules.transform("varchar(40)", List.of(TypeTransformation.of(TypeAction.ADD_PREFIX, "n")), skipped))
                .isEqualTo("nvarchar(40)");
        assertThat(TypeRules.transform("nvarchar2(40)", List.of(TypeTransformation.of(TypeAction.REMOVE_PREFIX, "N"),
                TypeTransformation.of(TypeAction.REMOVE_SUFFIX, "2")), skipped)).isEqualTo("varchar(40)");
        assertThat(TypeRules.transform("timestamp(3)", List.of(TypeTransformation.of(TypeAction.ADD_SUFFIX, "tz")), skipped))
                .isEqualTo("timestamptz(3)");
        assertThat(skipped).isEmpty();
    }

    @Test
    void removingAnAbsentPrefixOrSuffixIsReported() {
        List<String> skipped = new ArrayList<>();
        assertThat(TypeRules.transform("varchar(40)", List.of(TypeTransformation.of(TypeAction.REMOVE_PREFIX, "n"),
                TypeTransformation.of(TypeAction.REMOVE_SUFFIX, "2")), skipped)).isEqualTo("varchar(40)");
        assertThat(skipped).containsExactly("remove-prefix 'n': varchar(40) does not start with it",
                "remove-suffix '2': varchar(40) does not end with it");
    }

    @Test
    void transformationsApplyInOrderAfterTheTargetType() {
        TypeRules rules = new TypeRules(List.of(rule(Scope.SCHEMA, "HR", null, null, "varchar2", "varchar(10)",
                TypeTransformation.scaleLength(300), TypeTransformation.of(TypeAction.CHANGE_TYPE, "char"))));
        assertThat(rules.apply("HR", "T", "C", VARCHAR2_40, () -> "unused").orElseThrow().targetType()).isEqualTo("char(30)");
    }

    @Test
    void aRuleNeedsATargetTypeOrTransformationsAndTransformationsTheirArgument() {
        assertThatThrownBy(() -> rule(Scope.PROJECT, null, null, null, "number", null))
                .hasMessageContaining("targetType or typeTransformations");
        assertThatThrownBy(() -> TypeTransformation.of(TypeAction.ADD_PREFIX, ""))
                .hasMessageContaining("add-prefix needs a value");
        assertThatThrownBy(() -> TypeTransformation.scaleLength(0)).hasMessageContaining("percent between 1 and 10000");
    }

    @Test
    void oracleAndMySqlMappersUseTheSharedRules() {
        TypeMappingRule scale = rule(Scope.PROJECT, null, null, null, "varchar2", null, TypeTransformation.scaleLength(200));
        OracleToPostgresTypes.Mapping o = new OracleToPostgresTypes(List.of(scale)).map("HR", "T", "C", VARCHAR2_40);
        assertThat(o.sqlType()).isEqualTo("varchar(80)");
        assertThat(o.rule()).isSameAs(scale);
        TypeMappingRule tz = rule(Scope.TABLE, "sakila", "rental", null, "datetime", null,
                TypeTransformation.of(TypeAction.ADD_SUFFIX, "tz"));
        MySqlToPostgresTypes.Mapping m = new MySqlToPostgresTypes(List.of(tz)).map("sakila", "rental", "rental_date",
                DataType.of("datetime", null, null, null, "datetime"));
        assertThat(MySqlToPostgresTypes.defaultMapping("rental_date", DataType.of("datetime", null, null, null, "datetime"))
                .sqlType()).isEqualTo("timestamp(0)");
        assertThat(m.sqlType()).isEqualTo("timestamptz(0)");
        assertThat(m.rule()).isSameAs(tz);
        assertThat(new MySqlToPostgresTypes(List.of(tz)).map("sakila", "payment", "payment_date",
                DataType.of("datetime", null, null, null, "datetime")).rule()).isNull();
    }
}
