package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * FIFO order: a member delivers P's messages in the order of P's sequence numbers. A message that arrives before
 * the one numbered just below it waits in the hold-back queue; nothing orders messages of different senders.
 */
final class FifoMember extends Member {
    private final int[] next;
    private final TreeSet<MsgId> held = new TreeSet<>(Comparator.comparingInt(MsgId::origin).thenComparingInt(MsgId::seq));

    FifoMember(OmConfig config, int self) {
        super(config, self);
        next = new int[config.members()];
        Arrays.fill(next, 1);
    }

    @Override
    void multicast(Context ctx, MsgId id) {
        next[self] = id.seq() + 1;
        deliver(ctx, id, "#" + id.seq());
        toOthers(ctx, new Data(id));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Data data) || data.id().seq() < next[data.id().origin()] || held.contains(data.id())) {
            return;
        }
        MsgId id = data.id();
        if (id.seq() != next[id.origin()]) {
            held.add(id);
            ctx.stateChanged("holds back " + id + ": waits for " + ProcessLabel.of(id.origin()) + "'s message " + next[id.origin()]);
            return;
        }
        deliverFrom(ctx, id);
    }

    /** Delivers {@code id} and then every held message of its origin that is next in turn. */
    private void deliverFrom(Context ctx, MsgId id) {
        int origin = id.origin();
        MsgId current = id;
        while (current != null) {
            held.remove(current);
            next[origin] = current.seq() + 1;
            deliver(ctx, current, "#" + current.seq());
            current = held.stream().filter(m -> m.origin() == origin && m.seq() == next[origin]).findFirst().orElse(null);
        }
    }

    @Override
    List<StateDisplay.Section> orderingState() {
        List<Integer> expected = Arrays.stream(next).boxed().toList();
        return List.of(VectorSection.of("Next number expected from", expected));
    }

    @Override
    StateDisplay.Table holdBack() {
        List<List<Object>> rows = new ArrayList<>();
        for (MsgId id : held) {
            rows.add(StateDisplay.Table.row(id.name(), ProcessLabel.of(id.origin()), id.seq(), next[id.origin()]));
        }
        return new StateDisplay.Table("Hold-back queue", List.of("message", "origin", "number", "waits for number"), rows);
    }

    @Override
    Object orderingFingerprint() {
        return Arrays.asList(Arrays.toString(next), new ArrayList<>(held));
    }

    @Override
    List<String> held() {
        return held.stream().map(MsgId::name).toList();
    }
}
