package dev.faultlab.check;

import dev.faultlab.sim.Simulation;

/** Agreement: no two correct processes decide differently. Judged by {@link AgreementMonitor}. */
public final class Agreement {
    public static final String NAME = "agreement";

    private Agreement() {
    }

    public static Verdict check(Simulation run) {
        return Verdict.of(Monitors.overTrace(run, new AgreementMonitor(run.protocol().failureModel())));
    }
}
