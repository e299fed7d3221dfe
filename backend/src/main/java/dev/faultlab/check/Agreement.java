package dev.faultlab.check;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Agreement: no two correct processes decide differently. */
public final class Agreement {
    public static final String NAME = "agreement";

    private Agreement() {
    }

    public static Verdict check(Simulation run) {
        Decisions decisions = Decisions.ofCorrectProcesses(run);
        Map.Entry<Integer, Object> first = null;
        for (Map.Entry<Integer, Object> entry : decisions.valueOf().entrySet()) {
            if (first == null) {
                first = entry;
            } else if (!Objects.equals(first.getValue(), entry.getValue())) {
                return Verdict.violated(NAME, ProcessLabel.of(first.getKey()) + " decided " + first.getValue() + " but "
                                + ProcessLabel.of(entry.getKey()) + " decided " + entry.getValue(),
                        List.of(decisions.eventOf().get(first.getKey()), decisions.eventOf().get(entry.getKey())));
            }
        }
        return Verdict.holds(NAME, first == null ? "no correct process decided"
                : "every correct process that decided chose " + first.getValue());
    }
}
