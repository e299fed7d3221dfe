package dev.faultlab.check;

import dev.faultlab.sim.Simulation;

import java.util.Collection;

/** Validity: every value a correct process decides was some process's input. Judged by {@link ValidityMonitor}. */
public final class Validity {
    public static final String NAME = "validity";

    private Validity() {
    }

    public static Verdict check(Simulation run, Collection<?> inputs) {
        return Verdict.of(Monitors.overTrace(run, ValidityMonitor.ofInputs(run.protocol().failureModel(), inputs)));
    }
}
