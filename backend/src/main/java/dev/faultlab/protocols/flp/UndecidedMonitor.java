package dev.faultlab.protocols.flp;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * "Some process decides within k steps", where a step is one delivery, the unit of the FLP proof (a process receives
 * a message and acts on it). It turns false when the k-th delivery leaves every process undecided: the scheduler has
 * kept the run undecided that long. Nothing the protocol promises is broken by that, which is the point of FLP.
 */
final class UndecidedMonitor implements Monitor {
    static final String NAME = "decision-within-steps";

    private final int steps;
    private int delivered;
    private boolean decided;
    private final List<Integer> deliveries = new ArrayList<>();
    private Violation violation;

    UndecidedMonitor(int steps) {
        this.steps = steps;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (event.kind() == EventKind.DECIDE) {
            decided = true;
        } else if (event.kind() == EventKind.DELIVER && !decided && violation == null) {
            delivered++;
            deliveries.add(event.seq());
            if (delivered == steps) {
                violation = new Violation(NAME, event.seq(), "after " + steps + " steps (deliveries) no process has decided: "
                        + "the scheduler kept the run undecided", List.of(deliveries.get(0), event.seq()));
            }
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return decided ? "a process decided within " + steps + " steps" : delivered + " of " + steps + " steps so far, no decision yet";
    }
}
