package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * Only orphans are killed: a remedy must not kill a computation whose client is up and waiting for it.
 * Reincarnation, which kills everything of an earlier epoch, breaks it when another client has a call running.
 */
public final class OnlyOrphansKilled implements Monitor {
    public static final String NAME = "only orphans are killed";

    private final Computations computations = new Computations();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Computations.Ended ended = computations.read(event);
        if (ended == null || !ended.killed() || ended.orphan() || violation != null) {
            return;
        }
        violation = new Violation(NAME, event.seq(), "the server killed " + ended.key() + " although "
                + ProcessLabel.of(ended.key().client()) + " had not crashed and was waiting for it",
                List.of(ended.started(), event.seq()));
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return "no computation of a waiting client was killed";
    }
}
