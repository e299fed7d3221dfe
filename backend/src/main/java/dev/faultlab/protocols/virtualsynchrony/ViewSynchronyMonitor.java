package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * View synchrony: a message multicast in a view is delivered in that same view by every correct member of it, or
 * by none. It breaks when a member delivers a message in another view than the one it was multicast in (the view
 * change was no barrier), or when one correct member delivers it in the view and another correct member moves on
 * to the next view (or leaves) without it.
 */
final class ViewSynchronyMonitor implements Monitor {
    static final String NAME = "view synchrony";

    private final CrashStop crashes = new CrashStop();
    /** node → the view it is in now (absent: none). */
    private final Map<Integer, Integer> current = new HashMap<>();
    /** view → node → message → the event delivering it there. */
    private final Map<Integer, Map<Integer, Map<MessageId, Integer>>> delivered = new TreeMap<>();
    /** view → node → (the event where it moved on, what it moved on to). */
    private final Map<Integer, Map<Integer, Closing>> closed = new TreeMap<>();
    private final List<Fact> facts = new ArrayList<>();
    private int deliveries;

    private record Closing(int event, String how) {
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        crashes.onEvent(event);
        int node = event.node();
        Output output = Output.of(event);
        if (output instanceof Output.ViewInstalled installed) {
            Integer before = current.put(node, (int) installed.view());
            if (before != null) {
                close(before, node, new Closing(event.seq(), "installed view " + installed.view()));
            }
        } else if (output instanceof Output.Deliver deliver && deliver.message() instanceof Data data && current.containsKey(node)) {
            onDeliver(event, node, data);
        } else if (event.kind() == EventKind.STATE && current.containsKey(node)
                && Member.LEFT.equals(states.state(node).get(MemberView.STATUS))) {
            close(current.remove(node), node, new Closing(event.seq(), "left the group"));
        }
    }

    private void onDeliver(TraceEvent event, int node, Data data) {
        deliveries++;
        int view = current.get(node);
        MessageId id = data.id();
        if (data.view() != view) {
            Map.Entry<Integer, Integer> other = deliveredIn(data.view()).entrySet().stream()
                    .filter(e -> e.getKey() != node && deliveredIn(data.view(), e.getKey()).containsKey(id))
                    .map(e -> Map.entry(e.getKey(), deliveredIn(data.view(), e.getKey()).get(id))).findFirst().orElse(null);
            String also = other == null ? "" : "; " + ProcessLabel.of(other.getKey()) + " delivered it in view " + data.view();
            List<Integer> nodes = other == null ? List.of(node) : List.of(other.getKey(), node);
            List<Integer> witnesses = other == null ? List.of(event.seq()) : List.of(other.getValue(), event.seq());
            facts.add(new Fact(event.seq(), id.label() + " was multicast in view " + data.view() + " but " + ProcessLabel.of(node)
                    + " delivered it in view " + view + also, nodes, witnesses));
            return;
        }
        deliveredIn(view, node).put(id, event.seq());
        for (Map.Entry<Integer, Closing> moved : closed.getOrDefault(view, Map.of()).entrySet()) {
            if (moved.getKey() != node && !deliveredIn(view, moved.getKey()).containsKey(id)) {
                facts.add(missing(id, view, node, event.seq(), moved.getKey(), moved.getValue()));
            }
        }
    }

    private void close(int view, int node, Closing closing) {
        closed.computeIfAbsent(view, v -> new TreeMap<>()).put(node, closing);
        Map<MessageId, Integer> mine = deliveredIn(view, node);
        for (Map.Entry<Integer, Map<MessageId, Integer>> other : deliveredIn(view).entrySet()) {
            if (other.getKey() == node) {
                continue;
            }
            for (Map.Entry<MessageId, Integer> message : other.getValue().entrySet()) {
                if (!mine.containsKey(message.getKey())) {
                    facts.add(missing(message.getKey(), view, other.getKey(), message.getValue(), node, closing));
                }
            }
        }
    }

    private static Fact missing(MessageId id, int view, int deliverer, int deliveredAt, int without, Closing closing) {
        return new Fact(Math.max(deliveredAt, closing.event()), id.label() + " (multicast in view " + view + ") was delivered by "
                + ProcessLabel.of(deliverer) + " in view " + view + ", but " + ProcessLabel.of(without) + " " + closing.how()
                + " without delivering it", List.of(deliverer, without), List.of(deliveredAt, closing.event()));
    }

    private Map<Integer, Map<MessageId, Integer>> deliveredIn(int view) {
        return delivered.computeIfAbsent(view, v -> new TreeMap<>());
    }

    private Map<MessageId, Integer> deliveredIn(int view, int node) {
        return deliveredIn(view).computeIfAbsent(node, n -> new LinkedHashMap<>());
    }

    @Override
    public Violation violation() {
        return Fact.first(facts, crashes, NAME);
    }

    @Override
    public String holding() {
        return deliveries == 0 ? "no message was delivered" : "each of the " + deliveries
                + " deliveries happened in the view the message was multicast in, and no correct member moved on without a message another delivered in that view";
    }
}
