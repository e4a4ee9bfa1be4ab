package dev.ferry.converter.assess;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentTest {

    private static ConvertedObject obj(String type, String name, DeployPhase phase, List<String> deps, List<ActionItem> items) {
        return new ConvertedObject("s", name, type, ObjectStatus.MANUAL, false, null, 1, null, "SELECT 1", phase, deps, items);
    }

    @Test
    void codesAreUniqueAndDocumented() throws Exception {
        Set<String> codes = new HashSet<>();
        String doc = Files.readString(Path.of("../docs/action-items.md"));
        for (ActionCode c : ActionCode.values()) {
            assertThat(codes.add(c.code())).as(c.code()).isTrue();
            assertThat(doc).as("docs/action-items.md documents " + c.code())
                    .contains("| " + c.code() + " | " + c.name() + " | " + c.severity() + " | " + c.effortMinutes() + " |");
        }
        assertThat(ActionCode.byCode("ORA-PG-0101")).isEqualTo(ActionCode.BITMAP_INDEX_TO_BTREE);
        assertThat(ActionCode.BITMAP_INDEX_TO_BTREE.severity()).isEqualTo(Severity.INFO);
        assertThat(ActionCode.NUMBER_WITHOUT_PRECISION.effortMinutes()).isEqualTo(5);
        assertThat(ActionCode.EMPTY_STRING_NULL.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(ActionCode.UNSUPPORTED_FEATURE.effortMinutes()).isEqualTo(60);
    }

    @Test
    void statusRuleIsHonest() {
        ActionItem info = ActionItem.of(ActionCode.BITMAP_INDEX_TO_BTREE, "x");
        ActionItem low = ActionItem.of(ActionCode.NUMBER_WITHOUT_PRECISION, "x");
        ConvertedObject o = obj("TABLE", "t", DeployPhase.PRE_LOAD, List.of(), List.of(info));
        assertThat(o.status()).isEqualTo(ObjectStatus.MANUAL);
        assertThat(o.withVerification(true, null).status()).isEqualTo(ObjectStatus.AUTO);
        assertThat(o.withItems(List.of(low)).withVerification(true, null).status()).isEqualTo(ObjectStatus.AUTO_WITH_WARNINGS);
        ConvertedObject failed = o.withVerification(false, "ERROR: boom");
        assertThat(failed.status()).isEqualTo(ObjectStatus.MANUAL);
        assertThat(failed.actionItems()).anyMatch(i -> i.code().equals("ORA-PG-0902") && i.message().contains("boom"));
        assertThat(ConvertedObject.statusOf(false, true, List.of())).isEqualTo(ObjectStatus.MANUAL);
    }

    @Test
    void deployOrderRespectsPhasesTypesAndDependencies() {
        ConvertedObject view2 = obj("VIEW", "v2", DeployPhase.POST_LOAD, List.of("VIEW:s.v1"), List.of());
        ConvertedObject view1 = obj("VIEW", "v1", DeployPhase.POST_LOAD, List.of("TABLE:s.t"), List.of());
        ConvertedObject fk = obj("FOREIGN_KEY", "fk", DeployPhase.POST_LOAD, List.of("TABLE:s.t", "CONSTRAINT:s.uk"), List.of());
        ConvertedObject uk = obj("CONSTRAINT", "uk", DeployPhase.POST_LOAD, List.of("TABLE:s.t"), List.of());
        ConvertedObject table = obj("TABLE", "t", DeployPhase.PRE_LOAD, List.of("SCHEMA:s"), List.of());
        ConvertedObject seq = obj("SEQUENCE", "q", DeployPhase.PRE_LOAD, List.of(), List.of());
        DeployOrder.Result r = DeployOrder.sort(List.of(view2, view1, fk, uk, table, seq));
        assertThat(r.order()).containsExactly("SEQUENCE:s.q", "TABLE:s.t", "CONSTRAINT:s.uk", "FOREIGN_KEY:s.fk", "VIEW:s.v1", "VIEW:s.v2");
        assertThat(r.cycles()).isEmpty();
    }

    @Test
    void cyclesAreReported() {
        ConvertedObject a = obj("VIEW", "a", DeployPhase.POST_LOAD, List.of("VIEW:s.b"), List.of());
        ConvertedObject b = obj("VIEW", "b", DeployPhase.POST_LOAD, List.of("VIEW:s.a"), List.of());
        ConvertedObject c = obj("VIEW", "c", DeployPhase.POST_LOAD, List.of(), List.of());
        DeployOrder.Result r = DeployOrder.sort(List.of(a, b, c));
        assertThat(r.cycles()).containsExactlyInAnyOrder("VIEW:s.a", "VIEW:s.b");
        assertThat(r.order()).startsWith("VIEW:s.c").hasSize(3);
    }

    @Test
    void complexityBands() {
        ActionItem hour = new ActionItem("X", Severity.HIGH, "m", "r", 0, 0, 60);
        ConversionResult one = new ConversionResult(null, null, List.of(obj("TABLE", "t", DeployPhase.PRE_LOAD, List.of(), List.of(hour))), List.of());
        assertThat(one.complexity()).isEqualTo(ConversionResult.Complexity.SIMPLE);
        ConversionResult three = new ConversionResult(null, null, List.of(obj("TABLE", "t", DeployPhase.PRE_LOAD, List.of(), List.of(hour, hour, hour))), List.of());
        assertThat(three.complexity()).isEqualTo(ConversionResult.Complexity.MEDIUM);
        ConversionResult seven = new ConversionResult(null, null, List.of(obj("TABLE", "t", DeployPhase.PRE_LOAD, List.of(),
                List.of(hour, hour, hour, hour, hour, hour, hour))), List.of());
        assertThat(seven.complexity()).isEqualTo(ConversionResult.Complexity.SIGNIFICANT);
    }
}
