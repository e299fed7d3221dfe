package dev.faultlab.protocols.checkpointing;

import java.util.List;

/**
 * A run's settings. {@code safeRecovery} false is the unsafe switch: a recovery restores every process's latest
 * checkpoint instead of computing the recovery line.
 */
record CkptConfig(int n, Method method, boolean incremental, boolean safeRecovery, List<Step> steps) {
    static final int COORDINATOR = 0;

    CkptConfig {
        steps = List.copyOf(steps);
    }

    boolean coordinated() {
        return method == Method.COORDINATED;
    }

    /** This process's first step after {@code now}, or null. */
    Step nextStep(int node, long now) {
        for (Step step : steps) {
            if (step.node() == node && step.time() > now) {
                return step;
            }
        }
        return null;
    }
}
