package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No acknowledged update is lost across a failover: whenever a server acts as primary, its history holds every
 * update some primary has answered a client with, at the same position. It turns false at the first event where
 * a primary (one that took over, or one that no longer knows of an update) lacks one.
 */
public final class AcknowledgedUpdatesKept implements Monitor {
    public static final String NAME = "no acknowledged update lost";

    private final int servers;
    private final List<Acknowledged> acknowledged = new ArrayList<>();
    private Violation violation;

    private record Acknowledged(Update update, int by, int seq) {
    }

    public AcknowledgedUpdatesKept(int servers) {
        this.servers = servers;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (violation != null || event.node() < 0 || event.node() >= servers) {
            return;
        }
        if (Output.of(event) instanceof Output.Reply reply && reply.result() instanceof Update update
                && acknowledged.stream().noneMatch(a -> a.update().equals(update))) {
            acknowledged.add(new Acknowledged(update, event.node(), event.seq()));
        }
        if (acknowledged.isEmpty() || !states.up(event.node())) {
            return;
        }
        Map<String, Object> state = states.state(event.node());
        if (!PbStates.isPrimary(state)) {
            return;
        }
        List<Update> history = PbStates.history(state);
        for (Acknowledged ack : acknowledged) {
            Update update = ack.update();
            boolean kept = history.size() >= update.position() && history.get(update.position() - 1).answers(update.client(), update.seq());
            if (!kept) {
                violation = new Violation(NAME, event.seq(), ProcessLabel.of(ack.by()) + " answered " + ProcessLabel.of(update.client())
                        + "'s request " + update.seq() + " with " + update.describe() + ", but " + ProcessLabel.of(event.node())
                        + " acts as primary without it (" + (history.size() >= update.position()
                        ? "its #" + update.position() + " is " + history.get(update.position() - 1).op()
                        : "its history ends at #" + history.size()) + ")", List.of(ack.seq(), event.seq()));
                return;
            }
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return acknowledged.isEmpty() ? "no update acknowledged yet"
                : "every primary holds all " + acknowledged.size() + " acknowledged update" + (acknowledged.size() == 1 ? "" : "s");
    }
}
