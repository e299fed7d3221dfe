package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordering a variant promises, over every delivery of the run: FIFO (a member delivers each origin's messages
 * in the order it multicast them), causal (a message is delivered after every message that happened before its
 * multicast) or total (any two members deliver the messages they both deliver in the same order).
 */
final class DeliveryOrderMonitor implements Monitor {
    enum Kind {
        FIFO("FIFO order"), CAUSAL("causal order"), TOTAL("total order");

        private final String property;

        Kind(String property) {
            this.property = property;
        }
    }

    private final Kind kind;
    private final CrashStop crashes = new CrashStop();
    /** node → its deliveries in order; node → message → place in that order. */
    private final Map<Integer, List<MessageId>> deliveries = new HashMap<>();
    private final Map<Integer, Map<MessageId, Integer>> places = new HashMap<>();
    /** node → message → the event delivering it. */
    private final Map<Integer, Map<MessageId, Integer>> events = new HashMap<>();
    /** node → what happened before its next multicast (what it multicast or delivered); message → its causal past. */
    private final Map<Integer, Set<MessageId>> pastOf = new HashMap<>();
    private final Map<MessageId, Set<MessageId>> before = new HashMap<>();
    private final Map<MessageId, Integer> multicastAt = new HashMap<>();
    private final List<Fact> facts = new ArrayList<>();

    DeliveryOrderMonitor(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String property() {
        return kind.property;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        crashes.onEvent(event);
        int node = event.node();
        if (event.kind() == EventKind.SEND && event.payload() instanceof Data data && data.id().origin() == node) {
            multicast(node, data.id(), event.seq());
        } else if (Output.of(event) instanceof Output.Deliver deliver && deliver.message() instanceof Data data) {
            if (data.id().origin() == node) {
                multicast(node, data.id(), event.seq());
            }
            deliver(node, data.id(), event.seq());
        }
    }

    private void multicast(int node, MessageId id, int seq) {
        if (before.containsKey(id)) {
            return;
        }
        Set<MessageId> past = pastOf.computeIfAbsent(node, n -> new HashSet<>());
        before.put(id, Set.copyOf(past));
        multicastAt.put(id, seq);
        past.add(id);
    }

    private void deliver(int node, MessageId id, int seq) {
        List<MessageId> mine = deliveries.computeIfAbsent(node, n -> new ArrayList<>());
        Map<MessageId, Integer> myPlaces = places.computeIfAbsent(node, n -> new HashMap<>());
        Map<MessageId, Integer> myEvents = events.computeIfAbsent(node, n -> new HashMap<>());
        switch (kind) {
            case FIFO -> fifo(node, id, seq, mine, myEvents);
            case CAUSAL -> causal(node, id, seq, mine, myEvents);
            case TOTAL -> total(node, id, seq, mine);
        }
        myPlaces.put(id, mine.size());
        myEvents.put(id, seq);
        mine.add(id);
        pastOf.computeIfAbsent(node, n -> new HashSet<>()).add(id);
        pastOf.get(node).addAll(before.getOrDefault(id, Set.of()));
    }

    private void fifo(int node, MessageId id, int seq, List<MessageId> mine, Map<MessageId, Integer> myEvents) {
        for (MessageId earlier : mine) {
            if (earlier.origin() == id.origin() && earlier.number() > id.number()) {
                facts.add(new Fact(seq, ProcessLabel.of(node) + " delivered " + id.label() + " after " + earlier.label() + ", which "
                        + ProcessLabel.of(id.origin()) + " multicast later", List.of(node), List.of(myEvents.get(earlier), seq)));
                return;
            }
        }
    }

    private void causal(int node, MessageId id, int seq, List<MessageId> mine, Map<MessageId, Integer> myEvents) {
        for (MessageId earlier : mine) {
            if (before.getOrDefault(earlier, Set.of()).contains(id)) {
                facts.add(new Fact(seq, ProcessLabel.of(node) + " delivered " + id.label() + " after " + earlier.label()
                        + ", though " + id.label() + " happened before the multicast of " + earlier.label(), List.of(node),
                        List.of(multicastAt.getOrDefault(earlier, seq), myEvents.get(earlier), seq)));
                return;
            }
        }
    }

    private void total(int node, MessageId id, int seq, List<MessageId> mine) {
        for (Map.Entry<Integer, Map<MessageId, Integer>> other : places.entrySet()) {
            Integer theirs = other.getValue().get(id);
            if (other.getKey() == node || theirs == null) {
                continue;
            }
            for (MessageId earlier : mine) {
                Integer theirEarlier = other.getValue().get(earlier);
                if (theirEarlier != null && theirEarlier > theirs) {
                    facts.add(new Fact(seq, ProcessLabel.of(node) + " delivered " + earlier.label() + " before " + id.label() + ", "
                            + ProcessLabel.of(other.getKey()) + " the other way round", List.of(node, other.getKey()),
                            List.of(events.get(other.getKey()).get(id), events.get(other.getKey()).get(earlier), seq)));
                    return;
                }
            }
        }
    }

    @Override
    public Violation violation() {
        return Fact.first(facts, crashes, kind.property);
    }

    @Override
    public String holding() {
        int count = deliveries.values().stream().mapToInt(List::size).sum();
        return count == 0 ? "nothing was delivered" : "all " + count + " deliveries kept " + kind.property;
    }
}
