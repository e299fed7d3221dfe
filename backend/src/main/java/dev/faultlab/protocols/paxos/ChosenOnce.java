package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * At most one value is chosen per slot. A value is chosen at a slot once a majority of the acceptors have sent a
 * message saying they accepted it there under one ballot (an {@link Acceptance}: ACCEPT and LEARN of the slides'
 * construction, ACCEPTED of classic Paxos). Read from the SEND events alone; an acceptance, once sent, stays a
 * fact even if its sender crashes later.
 */
public final class ChosenOnce implements Monitor {
    public static final String NAME = "one value chosen per timestamp";

    private record Vote(int slot, int ballot, Op op) {
    }

    private record Choice(Op op, int ballot, TreeSet<Integer> acceptors, int seq) {
    }

    private final int majority;
    private final IntPredicate acceptor;
    /** Looked up by key only. */
    private final Map<Vote, TreeSet<Integer>> votes = new HashMap<>();
    private final Map<Integer, Choice> chosen = new HashMap<>();
    private Violation violation;

    public ChosenOnce(int majority, IntPredicate acceptor) {
        this.majority = majority;
        this.acceptor = acceptor;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (violation != null || event.kind() != EventKind.SEND || !(event.payload() instanceof Acceptance acceptance)
                || !acceptor.test(event.node())) {
            return;
        }
        Vote vote = new Vote(acceptance.slot(), acceptance.ballot(), acceptance.op());
        TreeSet<Integer> by = votes.computeIfAbsent(vote, v -> new TreeSet<>());
        if (!by.add(event.node()) || by.size() != majority) {
            return;
        }
        Choice first = chosen.putIfAbsent(vote.slot(), new Choice(vote.op(), vote.ballot(), new TreeSet<>(by), event.seq()));
        if (first != null && !first.op().equals(vote.op())) {
            violation = new Violation(NAME, event.seq(), "at timestamp " + vote.slot() + " " + first.op() + " was chosen (accepted by "
                    + ProcessLabel.listed(List.copyOf(first.acceptors())) + ballot(first.ballot()) + ") and so was " + vote.op()
                    + " (accepted by " + ProcessLabel.listed(List.copyOf(by)) + ballot(vote.ballot()) + ")",
                    List.of(first.seq(), event.seq()));
        }
    }

    private static String ballot(int ballot) {
        return ballot < 0 ? "" : " under " + ballot;
    }

    /** The value chosen first at each slot so far, by slot. */
    public java.util.SortedMap<Integer, Op> chosen() {
        java.util.TreeMap<Integer, Op> values = new java.util.TreeMap<>();
        chosen.forEach((slot, choice) -> values.put(slot, choice.op()));
        return values;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return chosen.isEmpty() ? "nothing was chosen yet" : "one value was chosen at each of the " + chosen.size() + " timestamps chosen";
    }
}
