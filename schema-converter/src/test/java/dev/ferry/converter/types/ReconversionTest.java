package dev.ferry.converter.types;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.parse.oracle.OracleParseResult;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleScriptSchemaBuilder;
import dev.ferry.converter.parse.oracle.OracleToPostgresConverter;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.project.TypeMappingRule.Range;
import dev.ferry.model.project.TypeMappingRule.Scope;
import dev.ferry.model.schema.Schema;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A changed type-mapping rule re-converts the objects it touches and nothing else (Oracle HR sample schema). */
@RequiresCorpus
class ReconversionTest {

    static OracleParseResult hr;
    static Schema source;

    @BeforeAll
    static void parse() throws Exception {
        hr = new OracleParserFacade().parseFile(TestDatabases.corpus().orElseThrow()
                .resolve("oracle-sample-schemas/human_resources/hr_create.sql"));
        source = new OracleScriptSchemaBuilder().build("HR", hr);
    }

    static ConversionResult convert(List<TypeMappingRule> rules) {
        return new OracleToPostgresConverter(rules).convert("HR", hr);
    }

    static String tableKey(String sourceName) {
        return "TABLE:hr." + sourceName.toLowerCase(Locale.ROOT);
    }

    /** Asserts the merge: re-converted objects come from {@code next}, every other one is the previous object itself. */
    static Reconversion.Outcome check(ConversionResult previous, ConversionResult next, Set<String> affected) {
        Reconversion.Outcome out = Reconversion.merge(previous, next, affected, ReconversionTest::tableKey);
        Map<String, ConvertedObject> before = new HashMap<>();
        previous.objects().forEach(o -> before.put(o.key(), o));
        Map<String, ConvertedObject> after = new HashMap<>();
        next.objects().forEach(o -> after.put(o.key(), o));
        for (ConvertedObject o : out.result().objects()) {
            if (out.reconverted().contains(o.key())) {
                assertThat(o).isSameAs(after.get(o.key()));
            } else {
                assertThat(o).as(o.key()).isSameAs(before.get(o.key()));
                // nothing that changed was left behind
                assertThat(after.get(o.key()).convertedSql()).as(o.key()).isEqualTo(o.convertedSql());
            }
        }
        for (ConvertedObject o : next.objects()) {
            if (!Objects.equals(o.convertedSql(), before.get(o.key()) == null ? null : before.get(o.key()).convertedSql())) {
                assertThat(out.reconverted()).as("changed " + o.key()).contains(o.key());
            }
        }
        assertThat(out.result().objects()).hasSameSizeAs(next.objects());
        return out;
    }

    @Test
    void aColumnRuleReconvertsItsTableAndWhatDependsOnItOnly() {
        List<TypeMappingRule> before = List.of();
        List<TypeMappingRule> after = List.of(new TypeMappingRule(Scope.COLUMN, "HR", "EMPLOYEES", "SALARY", "number",
                null, null, null, "numeric(12,2)", List.of()));
        Set<String> affected = Reconversion.affectedTables(source, before, after);
        assertThat(affected).containsExactly("EMPLOYEES");

        ConversionResult previous = convert(before);
        ConversionResult next = convert(after);
        Reconversion.Outcome out = check(previous, next, affected);
        assertThat(out.reconverted()).contains("TABLE:hr.employees").doesNotContain("TABLE:hr.regions", "TABLE:hr.jobs");
        assertThat(next.object("TABLE:hr.employees").orElseThrow().convertedSql()).contains("salary numeric(12,2)");
        assertThat(previous.object("TABLE:hr.employees").orElseThrow().convertedSql()).doesNotContain("numeric(12,2)");
        // the other tables are untouched: far fewer objects re-converted than converted
        assertThat(out.reconverted().size()).isLessThan(previous.objects().size() / 2);
    }

    @Test
    void aProjectRuleReconvertsEveryTableWithAMatchingColumnAndAnUnchangedRuleNothing() {
        TypeMappingRule narrow = new TypeMappingRule(Scope.PROJECT, null, null, null, "number", null, new Range(1, 9),
                new Range(null, 0), "bigint", List.of());
        Set<String> affected = Reconversion.affectedTables(source, List.of(), List.of(narrow));
        // NUMBER(4)/NUMBER(6) keys and references; REGIONS and COUNTRIES only have NUMBER without precision
        assertThat(affected).containsExactlyInAnyOrder("LOCATIONS", "DEPARTMENTS", "JOBS", "EMPLOYEES", "JOB_HISTORY");
        check(convert(List.of()), convert(List.of(narrow)), affected);

        // the same rules again (a rule list rebuilt from the project file): nothing to re-convert
        TypeMappingRule same = new TypeMappingRule(Scope.PROJECT, null, null, null, "number", null, new Range(1, 9),
                new Range(null, 0), "bigint", List.of());
        assertThat(Reconversion.affectedTables(source, List.of(narrow), List.of(same))).isEmpty();
        // a rule for a type the schema does not use touches nothing
        assertThat(Reconversion.affectedTables(source, List.of(narrow), List.of(narrow, new TypeMappingRule(Scope.PROJECT,
                null, null, null, "clob", null, null, null, "text", List.of())))).isEmpty();
    }
}
