package dev.faultlab.sim;

import java.util.List;

/**
 * A protocol the kernel can run: its catalog entry (id, description, parameters, Byzantine
 * behaviours) and how to set up a run from checked parameters.
 */
public interface Protocol {
    String id();

    String title();

    String description();

    List<ParamSpec> parameters();

    default List<BehaviourSpec> behaviours() {
        return List.of();
    }

    /** Builds the run's processes; may throw {@link RecipeException} for parameters that do not fit together. */
    Setup setup(Params params);
}
