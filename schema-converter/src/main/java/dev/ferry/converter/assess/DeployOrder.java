package dev.ferry.converter.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Topological deploy order: pre-load objects before post-load ones; within a phase schemas → types → sequences →
 * tables → comments → indexes/constraints → foreign keys → views → routines → triggers, and every object after the
 * objects it depends on (foreign keys after the referenced keys, views after the views they read). Dependencies on
 * keys that are not part of the conversion are ignored. Objects on a dependency cycle are appended at the end in
 * source order and reported in {@link Result#cycles()}.
 *
 * <p>Threading: stateless.
 */
public final class DeployOrder {

    /** @param order keys in deploy order; @param cycles keys of objects that are part of (or wait on) a cycle */
    public record Result(List<String> order, Set<String> cycles) {
    }

    private DeployOrder() {
    }

    static int rank(String type) {
        switch (type.toUpperCase(Locale.ROOT)) {
            case "SCHEMA": return 0;
            case "TYPE": return 1;
            case "SEQUENCE": return 2;
            case "TABLE": return 3;
            case "COMMENT": return 4;
            case "INDEX": return 5;
            case "CONSTRAINT": return 6;
            case "FOREIGN_KEY": return 7;
            case "VIEW": return 8;
            case "MATERIALIZED_VIEW": return 9;
            case "ROUTINE": return 10;
            case "TRIGGER": return 11;
            default: return 12;
        }
    }

    public static Result sort(List<ConvertedObject> objects) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            index.put(objects.get(i).key(), i);
        }
        Map<String, List<String>> dependents = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (ConvertedObject o : objects) {
            int n = 0;
            for (String d : new LinkedHashSet<>(o.dependsOn())) {
                if (index.containsKey(d) && !d.equals(o.key())) {
                    dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(o.key());
                    n++;
                }
            }
            pending.put(o.key(), n);
        }
        Comparator<String> priority = Comparator
                .comparingInt((String k) -> objects.get(index.get(k)).deployPhase().ordinal())
                .thenComparingInt(k -> rank(objects.get(index.get(k)).type()))
                .thenComparingInt(index::get);
        PriorityQueue<String> ready = new PriorityQueue<>(priority);
        pending.forEach((k, n) -> {
            if (n == 0) {
                ready.add(k);
            }
        });
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            String k = ready.poll();
            order.add(k);
            done.add(k);
            for (String dep : dependents.getOrDefault(k, List.of())) {
                if (pending.merge(dep, -1, Integer::sum) == 0) {
                    ready.add(dep);
                }
            }
        }
        Set<String> cycles = new LinkedHashSet<>();
        for (ConvertedObject o : objects) {
            if (!done.contains(o.key())) {
                cycles.add(o.key());
                order.add(o.key());
            }
        }
        return new Result(order, cycles);
    }
}
