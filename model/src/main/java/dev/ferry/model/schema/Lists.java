package dev.ferry.model.schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Null-tolerant immutable copies for the model's compact constructors. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
