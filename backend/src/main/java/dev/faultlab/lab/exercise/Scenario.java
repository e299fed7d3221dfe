package dev.faultlab.lab.exercise;

import dev.faultlab.sim.Recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the explorer starts, for a find-run exercise or a lab's {@code holds:} claim: the variant's recipe with some
 * parameters replaced and none of its faults (the explorer, or the student, brings the faults).
 */
public record Scenario(Map<String, Object> params) {
    public Scenario {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public Recipe of(Recipe variant) {
        Map<String, Object> merged = new LinkedHashMap<>(variant.params());
        merged.putAll(params);
        return new Recipe(variant.protocol(), merged, variant.seed(), List.of(), variant.network(), variant.budgets(),
                List.of());
    }
}
