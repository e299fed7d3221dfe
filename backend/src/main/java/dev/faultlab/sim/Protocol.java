package dev.faultlab.sim;

import java.util.List;

/**
 * A protocol the kernel can run: its catalog entry (id, description, parameters, roles, Byzantine
 * behaviours), the failure model its properties assume, and how to set up a run from checked parameters.
 */
public interface Protocol {
    String id();

    String title();

    String description();

    List<ParamSpec> parameters();

    default List<BehaviourSpec> behaviours() {
        return List.of();
    }

    /** The roles its processes play, for the catalog; empty when every process plays the same part. */
    default List<RoleSpec> roles() {
        return List.of();
    }

    /** Which processes count as correct: see {@link FailureModel}. */
    default FailureModel failureModel() {
        return FailureModel.CRASH_STOP;
    }

    /**
     * Whether the protocol's safety rests on bounded delays (a synchronous system: a timeout means the message is not
     * coming): the explorer then never fires a timer while a message due before it is still on its way, nor delivers a
     * message due after a timer that has not fired. An asynchronous protocol (the default) is explored in any order.
     */
    default boolean synchronous() {
        return false;
    }

    /**
     * Fresh monitors for the properties a run of these parameters promises (agreement, validity, termination,
     * or the protocol's own); the run view and grading show what they say. Empty for none.
     */
    default List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of();
    }

    /**
     * The states worth reaching in a run of these parameters ("two leaders at once"), which a lab may ask for and
     * the explorer can search for; empty for none.
     */
    default List<Goal> goals(Params params, NetworkSpec network) {
        return List.of();
    }

    /** Builds the run's processes; may throw {@link RecipeException} for parameters that do not fit together. */
    Setup setup(Params params);
}
