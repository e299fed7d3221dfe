package dev.faultlab.lab;

import dev.faultlab.lab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference runs by recipe, most recently used kept: a variant's run is computed once and then read
 * by every grade, sheet and reveal of that variant. A run is never changed after it has ended, so
 * many threads may read one.
 */
final class ReferenceRuns {
    private final Map<Recipe, Reference> cache;

    ReferenceRuns(int capacity) {
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Recipe, Reference> eldest) {
                return size() > capacity;
            }
        };
    }

    Reference of(Recipe recipe) {
        synchronized (cache) {
            Reference cached = cache.get(recipe);
            if (cached != null) {
                return cached;
            }
        }
        Simulation run = Simulation.start(recipe, Protocols.registry());
        run.runToEnd();
        Reference reference = new Reference(run);
        synchronized (cache) {
            cache.putIfAbsent(recipe, reference);
            return cache.get(recipe);
        }
    }
}
