package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All non-faulty replicas execute the same operation at each timestamp, each timestamp once, and each client
 * request once. Read from the replicas' outputs: an {@link Output.Commit} per timestamp executed, an
 * {@link Output.Reply} per request executed. A replica that turns faulty stops counting, so the verdict is
 * judged again whenever one does.
 */
final class SameOperation implements Monitor {
    static final String NAME = "same operation at each timestamp";

    private record Executed(int node, Object what, int seq) {
    }

    private final int replicas;
    private final FaultyReplicas faulty = new FaultyReplicas();
    private final TreeMap<Long, List<Executed>> byTimestamp = new TreeMap<>();
    /** "replica/client/request" → its executions of that request. */
    private final TreeMap<String, List<Executed>> byRequest = new TreeMap<>();
    private Violation violation;

    SameOperation(int replicas) {
        this.replicas = replicas;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        boolean changed = faulty.onEvent(event);
        Output output = Output.of(event);
        if (event.node() >= 0 && event.node() < replicas) {
            if (output instanceof Output.Commit commit) {
                byTimestamp.computeIfAbsent(commit.index(), t -> new ArrayList<>()).add(new Executed(event.node(), commit.entry(), event.seq()));
                changed = true;
            } else if (output instanceof Output.Reply reply) {
                byRequest.computeIfAbsent(event.node() + "/" + reply.client() + "/" + reply.request(), r -> new ArrayList<>())
                        .add(new Executed(event.node(), reply.result(), event.seq()));
                changed = true;
            }
        }
        if (changed) {
            violation = judge();
        }
    }

    private Violation judge() {
        for (Map.Entry<Long, List<Executed>> entry : byTimestamp.entrySet()) {
            List<Executed> correct = entry.getValue().stream().filter(e -> !faulty.faulty(e.node())).toList();
            for (int i = 0; i < correct.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Executed first = correct.get(j);
                    Executed later = correct.get(i);
                    if (first.node() == later.node()) {
                        return new Violation(NAME, later.seq(), ProcessLabel.of(later.node()) + " executed t=" + entry.getKey()
                                + " twice", List.of(first.seq(), later.seq()));
                    }
                    if (!first.what().equals(later.what())) {
                        return new Violation(NAME, later.seq(), ProcessLabel.of(first.node()) + " executed " + first.what() + " at t="
                                + entry.getKey() + " but " + ProcessLabel.of(later.node()) + " executed " + later.what(),
                                List.of(first.seq(), later.seq()));
                    }
                }
            }
        }
        for (Map.Entry<String, List<Executed>> entry : byRequest.entrySet()) {
            List<Executed> runs = entry.getValue();
            if (runs.size() > 1 && !faulty.faulty(runs.get(0).node())) {
                String[] parts = entry.getKey().split("/");
                return new Violation(NAME, runs.get(1).seq(), ProcessLabel.of(runs.get(0).node()) + " executed request "
                        + parts[2] + " of " + ProcessLabel.of(Integer.parseInt(parts[1])) + " twice", List.of(runs.get(0).seq(), runs.get(1).seq()));
            }
        }
        return null;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return byTimestamp.isEmpty() ? "no replica executed anything" : "the correct replicas executed the same operation at each of the "
                + byTimestamp.size() + " timestamps, each once, and no request twice";
    }
}
