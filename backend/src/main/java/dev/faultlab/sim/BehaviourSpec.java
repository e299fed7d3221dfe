package dev.faultlab.sim;

import java.util.Map;
import java.util.function.Function;

/**
 * A named Byzantine behaviour a protocol offers, with a description for the catalog and a factory
 * that builds it from the BYZANTINE fault's parameters (it may throw {@link RecipeException}).
 */
public record BehaviourSpec(String name, String description, Function<Map<String, Object>, ByzantineBehaviour> factory) {
}
