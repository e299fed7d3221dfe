package dev.faultlab.protocols.voting.key;

import dev.faultlab.protocols.voting.ServiceRequest;
import dev.faultlab.protocols.voting.VotingStates;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

/** What the voting keys read from a run: the client's number and what it accepted. */
final class VotingRuns {
    private VotingRuns() {
    }

    static int client(Simulation run) {
        return run.roles().indexOf(VotingStates.CLIENT);
    }

    /** The client's number, as its first request carries it. */
    static int input(Simulation run) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.SEND && e.payload() instanceof ServiceRequest)
                .map(e -> ((ServiceRequest) e.payload()).input()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the client sent no request in this run"));
    }

    /** What the client accepted ("none" when the vote gave no result), or null if it never voted. */
    static TraceEvent accepted(Simulation run) {
        int client = client(run);
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.DECIDE && e.node() == client).findFirst().orElse(null);
    }
}
