package dev.faultlab.protocols.voting;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * The voter's output is the correct result: the result the client accepts equals what a correct replica computes.
 * A client that failed itself is exempt (the voter inside it shares its fate); a correct client that accepts
 * nothing by the end breaks the property too.
 */
public final class VoterOutputCorrect implements Monitor {
    public static final String NAME = "voter's output is correct";

    private final int client;
    private final int correct;
    private final Faulty faulty = new Faulty();
    private Object accepted;
    private Violation violation;

    public VoterOutputCorrect(int client, int correct) {
        this.client = client;
        this.correct = correct;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        faulty.read(event);
        if (violation != null || faulty.contains(client)) {
            return;
        }
        if (event.kind() == EventKind.DECIDE && event.node() == client) {
            accepted = event.payload();
            if (!Integer.valueOf(correct).equals(accepted)) {
                violation = new Violation(NAME, event.seq(), ProcessLabel.of(client) + " accepted " + accepted + " but the correct result is "
                        + correct, List.of(event.seq()));
            }
        } else if (event.kind() == EventKind.END && accepted == null) {
            violation = new Violation(NAME, event.seq(), ProcessLabel.of(client) + " accepted no result; the correct one is " + correct,
                    List.of(event.seq()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        if (faulty.contains(client)) {
            return "the client failed, and the voter in it with it: nothing is promised to a failed client";
        }
        return accepted == null ? "the client has not voted yet" : "the client accepted " + accepted + ", the correct result";
    }
}
