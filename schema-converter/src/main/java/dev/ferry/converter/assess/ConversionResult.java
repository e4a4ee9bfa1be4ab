package dev.ferry.converter.assess;

import dev.ferry.model.schema.Engine;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The outcome of converting a schema: every object with its status, and the order to deploy them in.
 *
 * @param deployOrder object keys ({@link ConvertedObject#key()}) in deploy order; pre-load objects first
 */
public record ConversionResult(Engine sourceEngine, Engine targetEngine, List<ConvertedObject> objects,
                               List<String> deployOrder) {

    /** Complexity bands by total effort: simple below 2 hours, medium 2–6 hours, significant above 6 hours. */
    public enum Complexity { SIMPLE, MEDIUM, SIGNIFICANT }

    public ConversionResult {
        objects = List.copyOf(objects);
        deployOrder = List.copyOf(deployOrder);
    }

    public Optional<ConvertedObject> object(String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** The objects in deploy order. */
    public List<ConvertedObject> inDeployOrder() {
        Map<String, ConvertedObject> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(o.key(), o));
        return deployOrder.stream().map(byKey::get).filter(java.util.Objects::nonNull).toList();
    }

    public Map<ObjectStatus, Long> countsByStatus() {
        Map<ObjectStatus, Long> m = new EnumMap<>(ObjectStatus.class);
        for (ObjectStatus s : ObjectStatus.values()) {
            m.put(s, objects.stream().filter(o -> o.status() == s).count());
        }
        return m;
    }

    public int totalEffortMinutes() {
        return objects.stream().mapToInt(ConvertedObject::effortMinutes).sum();
    }

    public Complexity complexity() {
        int m = totalEffortMinutes();
        return m < 120 ? Complexity.SIMPLE : m <= 360 ? Complexity.MEDIUM : Complexity.SIGNIFICANT;
    }

    /** A copy with each object replaced by {@code f(object)}. */
    public ConversionResult map(UnaryOperator<ConvertedObject> f) {
        return new ConversionResult(sourceEngine, targetEngine, objects.stream().map(f).toList(), deployOrder);
    }
}
