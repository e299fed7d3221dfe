package dev.faultlab.sim;

import java.util.Map;
import java.util.function.Function;

/**
 * A named Byzantine behaviour a protocol offers, with a description for the catalog and a factory that builds the
 * replacement process, an {@link Adversary}, from the BYZANTINE fault's parameters (it may throw
 * {@link RecipeException}). The factory runs once per fault that turns a node (and once more while the recipe is
 * checked), so an adversary may keep state of its own.
 */
public record BehaviourSpec(String name, String description, Function<Map<String, Object>, Adversary> factory,
                            ParamsCheck check) {

    /**
     * Checks the behaviour's parameters against the run (e.g. that the receivers of scripted lies exist) before
     * the factory reads them; throws {@link RecipeException} with fields relative to the fault's params.
     */
    @FunctionalInterface
    public interface ParamsCheck {
        void check(Map<String, Object> params, int nodes);
    }

    public BehaviourSpec {
        check = check == null ? (params, nodes) -> { } : check;
    }

    public BehaviourSpec(String name, String description, Function<Map<String, Object>, Adversary> factory) {
        this(name, description, factory, null);
    }
}
