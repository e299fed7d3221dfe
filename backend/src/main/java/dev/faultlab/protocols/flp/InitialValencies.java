package dev.faultlab.protocols.flp;

import dev.faultlab.check.Valency;
import dev.faultlab.check.ValencySearch;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The valency of every initial configuration of a recipe's n processes (each vector of inputs), by search. The
 * inputs are named as a student reads them: P1's input first, "011" for P1 = 0, P2 = 1, P3 = 1.
 */
public final class InitialValencies {
    /** Initial configurations are small: let the search see all of one where it can. */
    public static final ValencySearch.Bounds BOUNDS = new ValencySearch.Bounds(60_000, 30_000, 60, 200, 3);

    /**
     * Valencies already found, by initial recipe: a definite one (not "unknown") is a fact about the protocol, so
     * every reference run of a lab, and every grading, reads it once per server. At most 2^7 per recipe otherwise.
     */
    private static final Map<Recipe, Valency> KNOWN = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Recipe, Valency> eldest) {
            return size() > 1_024;
        }
    };

    private InitialValencies() {
    }

    /** Every input vector of the recipe's n, from all 0 to all 1, with its valency. */
    public static Map<String, Valency> of(ProtocolRegistry registry, Recipe recipe) {
        int n = ((Number) recipe.params().getOrDefault("n", 3)).intValue();
        Map<String, Valency> valencies = new LinkedHashMap<>();
        for (int bits = 0; bits < 1 << n; bits++) {
            List<Integer> inputs = new ArrayList<>();
            for (int node = 0; node < n; node++) {
                inputs.add((bits >> (n - 1 - node)) & 1);
            }
            valencies.put(name(inputs), of(registry, recipe, inputs));
        }
        return valencies;
    }

    /** The valency of the initial configuration with these inputs (the recipe's other parameters kept). */
    public static Valency of(ProtocolRegistry registry, Recipe recipe, List<Integer> inputs) {
        Map<String, Object> params = new LinkedHashMap<>(recipe.params());
        params.put("inputs", inputs);
        Recipe initial = Recipe.of(recipe.protocol(), params, recipe.seed());
        synchronized (KNOWN) {
            Valency known = KNOWN.get(initial);
            if (known != null) {
                return known;
            }
        }
        Valency valency = ValencySearch.of(registry, ValencySearch.configuration(registry, initial, -1), BOUNDS);
        if (!valency.label().equals(Valency.UNKNOWN)) {
            synchronized (KNOWN) {
                KNOWN.put(initial, valency);
            }
        }
        return valency;
    }

    public static String name(List<Integer> inputs) {
        StringBuilder name = new StringBuilder();
        inputs.forEach(name::append);
        return name.toString();
    }
}
