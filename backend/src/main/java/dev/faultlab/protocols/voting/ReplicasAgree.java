package dev.faultlab.protocols.voting;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/** Byzantine model: every correct replica agrees on the correct result (agreement, and validity for one input). */
public final class ReplicasAgree implements Monitor {
    public static final String NAME = "correct replicas agree on the correct result";

    private final int replicas;
    private final int correct;
    private final Faulty faulty = new Faulty();
    private int agreeing;
    private Violation violation;

    public ReplicasAgree(int replicas, int correct) {
        this.replicas = replicas;
        this.correct = correct;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        faulty.read(event);
        if (violation != null || event.kind() != EventKind.DECIDE || event.node() >= replicas || faulty.contains(event.node())) {
            return;
        }
        if (Integer.valueOf(correct).equals(event.payload())) {
            agreeing++;
        } else {
            violation = new Violation(NAME, event.seq(), "correct replica " + ProcessLabel.of(event.node()) + " agreed on "
                    + event.payload() + " but the correct result is " + correct, List.of(event.seq()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return agreeing == 0 ? "no correct replica has agreed yet" : agreeing + " correct replicas agreed on " + correct;
    }
}
