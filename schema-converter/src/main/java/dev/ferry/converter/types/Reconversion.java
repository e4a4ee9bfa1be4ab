package dev.ferry.converter.types;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A changed set of type-mapping rules re-converts only the objects it touches: {@link #affectedTables} finds the source
 * tables where some column's winning rule (or what that rule makes of the type) differs between the old and the new
 * rules, and {@link #merge} takes those tables and every object that depends on them (indexes, keys, foreign keys,
 * views, triggers…) from the new conversion while keeping every other object of the previous one unchanged — with its
 * verification, so only the re-converted objects need verifying and deploying again.
 *
 * <p>Threading: stateless.
 */
public final class Reconversion {

    /**
     * The merged result.
     *
     * @param result      the previous result with the re-converted objects replaced (deploy order of the new conversion)
     * @param reconverted keys of the objects taken from the new conversion
     */
    public record Outcome(ConversionResult result, Set<String> reconverted) {
        public Outcome {
            reconverted = Set.copyOf(reconverted);
        }
    }

    private Reconversion() {
    }

    /**
     * The tables of {@code source} (their source names) whose type mapping differs between {@code before} and
     * {@code after}: another rule wins for a column, or the same rule now yields another type.
     */
    public static Set<String> affectedTables(Schema source, List<TypeMappingRule> before, List<TypeMappingRule> after) {
        TypeRules old = new TypeRules(before);
        TypeRules now = new TypeRules(after);
        Set<String> out = new LinkedHashSet<>();
        for (Table t : source.tables()) {
            for (Column c : t.columns()) {
                if (!Objects.equals(outcome(old, source.name(), t.name(), c), outcome(now, source.name(), t.name(), c))) {
                    out.add(t.name());
                    break;
                }
            }
        }
        return out;
    }

    /** What the rules make of a column: the winning rule's target and transformations, or nothing (default mapping). */
    private static Object outcome(TypeRules rules, String schema, String table, Column c) {
        Optional<TypeMappingRule> r = rules.winner(schema, table, c.name(), c.type());
        return r.map(x -> List.of(String.valueOf(x.targetType()), x.typeTransformations(), x.transformations())).orElse(null);
    }

    /**
     * Merges a re-conversion into the previous result.
     *
     * @param previous       the result converted with the old rules (possibly verified)
     * @param next           the result converted with the new rules
     * @param affectedTables source table names from {@link #affectedTables}
     * @param tableKey       the converted {@code TABLE:schema.name} key of a source table name (the direction's naming)
     */
    public static Outcome merge(ConversionResult previous, ConversionResult next, Set<String> affectedTables,
                                Function<String, String> tableKey) {
        Set<String> reconverted = new LinkedHashSet<>();
        for (String t : affectedTables) {
            reconverted.add(tableKey.apply(t));
        }
        // objects hanging off an affected table (transitively: a view over a view of it)
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ConvertedObject o : next.objects()) {
                if (!reconverted.contains(o.key()) && o.dependsOn().stream().anyMatch(reconverted::contains)) {
                    reconverted.add(o.key());
                    grew = true;
                }
            }
        }
        Map<String, ConvertedObject> old = new LinkedHashMap<>();
        previous.objects().forEach(o -> old.put(o.key(), o));
        List<ConvertedObject> merged = new ArrayList<>();
        for (ConvertedObject o : next.objects()) {
            if (!old.containsKey(o.key())) {
                reconverted.add(o.key()); // new with these rules (e.g. an enum type a rule asks for)
            }
            merged.add(reconverted.contains(o.key()) ? o : old.get(o.key()));
        }
        return new Outcome(new ConversionResult(next.sourceEngine(), next.targetEngine(), merged, next.deployOrder()), reconverted);
    }
}
