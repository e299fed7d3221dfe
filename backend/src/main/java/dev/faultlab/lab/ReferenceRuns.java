package dev.faultlab.lab;

import dev.faultlab.key.Reference;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reference runs by variant (a lab's version and the variant's seed), most recently used kept: a
 * variant's recipe is built and run once, then read by every grade, sheet and reveal of that variant.
 * A run is never changed after it has ended, so many threads may read one.
 */
final class ReferenceRuns {
    /**
     * A lab version names its files' content, so a variant's seed within it always gives the same recipe;
     * {@code defaults} marks the lab's default variant, made of the variables' defaults.
     */
    record Variant(String labId, String labVersion, long seed, boolean defaults) {
    }

    private final ProtocolRegistry registry;
    private final Map<Variant, Reference> cache;

    ReferenceRuns(ProtocolRegistry registry, int capacity) {
        this.registry = registry;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Variant, Reference> eldest) {
                return size() > capacity;
            }
        };
    }

    Reference of(Variant variant, Supplier<Recipe> recipe) {
        synchronized (cache) {
            Reference cached = cache.get(variant);
            if (cached != null) {
                return cached;
            }
        }
        Simulation run = Simulation.start(recipe.get(), registry);
        run.runToEnd();
        Reference reference = new Reference(run, registry);
        synchronized (cache) {
            cache.putIfAbsent(variant, reference);
            return cache.get(variant);
        }
    }
}
