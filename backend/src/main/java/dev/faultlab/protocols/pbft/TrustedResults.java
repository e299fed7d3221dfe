package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A client never accepts a result that k + 1 correct replicas did not produce: for each result a client accepts
 * ({@link Output.Deliver} of an {@link Accepted}), at least k + 1 replicas that are not faulty executed that
 * request with that result ({@link Output.Reply}). Judged again when a replica turns faulty.
 */
final class TrustedResults implements Monitor {
    static final String NAME = "results from k+1 correct replicas";

    private record Acceptance(int client, Accepted accepted, int seq) {
    }

    private final int replicas;
    private final int k;
    private final FaultyReplicas faulty = new FaultyReplicas();
    /** "client/request/result" → the replicas that produced it. */
    private final TreeMap<String, List<Integer>> produced = new TreeMap<>();
    private final List<Acceptance> acceptances = new ArrayList<>();
    private Violation violation;

    TrustedResults(int replicas, int k) {
        this.replicas = replicas;
        this.k = k;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        boolean changed = faulty.onEvent(event);
        Output output = Output.of(event);
        if (output instanceof Output.Reply reply && event.node() < replicas) {
            produced.computeIfAbsent(reply.client() + "/" + reply.request() + "/" + reply.result(), r -> new ArrayList<>()).add(event.node());
        } else if (output instanceof Output.Deliver deliver && deliver.message() instanceof Accepted accepted) {
            acceptances.add(new Acceptance(event.node(), accepted, event.seq()));
            changed = true;
        }
        if (changed) {
            violation = judge();
        }
    }

    private Violation judge() {
        for (Acceptance acceptance : acceptances) {
            if (faulty.faulty(acceptance.client())) {
                continue;
            }
            Accepted accepted = acceptance.accepted();
            List<Integer> correct = produced.getOrDefault(acceptance.client() + "/" + accepted.seq() + "/" + accepted.result(), List.of())
                    .stream().filter(node -> !faulty.faulty(node)).toList();
            if (correct.size() < k + 1) {
                return new Violation(NAME, acceptance.seq(), ProcessLabel.of(acceptance.client()) + " accepted \"" + accepted.result()
                        + "\" for request " + accepted.seq() + " on the replies of " + names(accepted.replicas()) + ", but only "
                        + correct.size() + " correct replica(s) produced it" + (correct.isEmpty() ? "" : " (" + names(correct) + ")")
                        + "; k+1=" + (k + 1) + " are needed", List.of(acceptance.seq()));
            }
        }
        return null;
    }

    private static String names(List<Integer> nodes) {
        return String.join(" ", nodes.stream().map(ProcessLabel::of).toList());
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return acceptances.isEmpty() ? "no client accepted a result yet" : "each of the " + acceptances.size()
                + " accepted results was produced by at least k+1=" + (k + 1) + " correct replicas";
    }
}
