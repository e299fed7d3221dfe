package dev.faultlab.check;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Validity: every value a correct process decides was some process's input. */
public final class Validity {
    public static final String NAME = "validity";

    private Validity() {
    }

    public static Verdict check(Simulation run, Collection<?> inputs) {
        Decisions decisions = Decisions.ofCorrectProcesses(run);
        for (Map.Entry<Integer, Object> entry : decisions.valueOf().entrySet()) {
            if (!inputs.contains(entry.getValue())) {
                return Verdict.violated(NAME, ProcessLabel.of(entry.getKey()) + " decided " + entry.getValue()
                        + ", which no process proposed (inputs " + inputs + ")", List.of(decisions.eventOf().get(entry.getKey())));
            }
        }
        return Verdict.holds(NAME, "every decision is one of the inputs " + inputs);
    }
}
