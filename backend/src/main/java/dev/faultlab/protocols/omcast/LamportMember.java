package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Totally ordered multicast with Lamport timestamps, as the lecture states it: a member multicasts its message
 * stamped with its Lamport clock; each member puts it in its queue, ordered by (timestamp, origin), and multicasts
 * an acknowledgement; the message at the head of the queue is delivered once every member has acknowledged it.
 * It needs FIFO links (a later, smaller-stamped message could otherwise still be on its way) and every member
 * alive: one crashed member never acknowledges, and the queues stop for good.
 */
final class LamportMember extends Member {
    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::time).thenComparingInt(e -> e.id().origin())
            .thenComparingInt(e -> e.id().seq());

    private record Entry(MsgId id, long time) {
    }

    private long clock;
    private final TreeMap<Entry, MsgId> queue = new TreeMap<>(ORDER);
    /** Acknowledgements per message, by member; an acknowledgement may arrive before its message. Looked up by key. */
    private final Map<MsgId, BitSet> acks = new HashMap<>();
    /** Every message queued here so far: a duplicate is not queued again. Looked up by key. */
    private final Set<MsgId> seen = new HashSet<>();

    LamportMember(OmConfig config, int self) {
        super(config, self);
    }

    @Override
    void multicast(Context ctx, MsgId id) {
        clock++;
        seen.add(id);
        queue.put(new Entry(id, clock), id);
        acked(id, self);
        acked(id, id.origin());
        toOthers(ctx, new Timestamped(id, clock));
        deliverHead(ctx);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Timestamped stamped && seen.add(stamped.id())) {
            clock = Math.max(clock, stamped.time()) + 1;
            queue.put(new Entry(stamped.id(), stamped.time()), stamped.id());
            acked(stamped.id(), stamped.id().origin());
            acked(stamped.id(), self);
            clock++;
            toOthers(ctx, new Ack(stamped.id(), clock));
            deliverHead(ctx);
        } else if (message instanceof Ack ack && !delivered(ack.id())) {
            clock = Math.max(clock, ack.time()) + 1;
            acked(ack.id(), from);
            deliverHead(ctx);
        }
    }

    /** Seen and no longer queued: delivered already, so a late acknowledgement changes nothing. */
    private boolean delivered(MsgId id) {
        return seen.contains(id) && !queue.containsValue(id);
    }

    private void acked(MsgId id, int member) {
        acks.computeIfAbsent(id, k -> new BitSet()).set(member);
    }

    private int ackCount(MsgId id) {
        BitSet set = acks.get(id);
        return set == null ? 0 : set.cardinality();
    }

    private void deliverHead(Context ctx) {
        while (!queue.isEmpty() && ackCount(queue.firstEntry().getValue()) == config.members()) {
            Map.Entry<Entry, MsgId> head = queue.pollFirstEntry();
            acks.remove(head.getValue());
            deliver(ctx, head.getValue(), head.getKey().time() + "." + ProcessLabel.of(head.getValue().origin()));
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = super.view();
        view.put("lamport", clock);
        return view;
    }

    @Override
    List<StateDisplay.Section> orderingState() {
        return List.of(new StateDisplay.Fields("Lamport clock", Map.of("clock", clock)));
    }

    @Override
    StateDisplay.Table holdBack() {
        List<List<Object>> rows = new ArrayList<>();
        queue.forEach((entry, id) -> rows.add(StateDisplay.Table.row(entry.time(), ProcessLabel.of(id.origin()), id.name(),
                ackCount(id) + " of " + config.members())));
        return new StateDisplay.Table("Queue (by timestamp)", List.of("timestamp", "origin", "message", "acknowledged by"), rows);
    }

    @Override
    Object orderingFingerprint() {
        return Arrays.asList(clock, new ArrayList<>(queue.keySet()), new HashMap<>(acks), new HashSet<>(seen));
    }

    @Override
    List<String> held() {
        return queue.values().stream().map(MsgId::name).toList();
    }
}
