package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member of a group ordered by global numbers: it delivers the message numbered 1, then 2, and so on; an ORDER
 * that arrives early waits in the hold-back queue. How a multicast gets its number depends on the ordering: the
 * member sends it to the fixed sequencer (stamped with its vector clock in the causal-total hybrid), to every
 * moving sequencer, or numbers it itself while it holds the privilege token ({@link PrivilegeMember}).
 */
class SequencedMember extends Member {
    private long next = 1;
    private final TreeMap<Long, MsgId> held = new TreeMap<>();
    /** Causal-total only: what this member has multicast and delivered, per member, to stamp its multicasts with. */
    private VectorClock clock;

    SequencedMember(OmConfig config, int self) {
        super(config, self);
        clock = config.ordering() == Ordering.CAUSAL_TOTAL ? VectorClock.zero(config.members()) : null;
    }

    @Override
    void multicast(Context ctx, MsgId id) {
        if (clock != null) {
            clock = clock.tick(self);
            ctx.send(config.members(), new Stamped(id, clock));
            return;
        }
        for (int sequencer = config.members(); sequencer < config.processes(); sequencer++) {
            ctx.send(sequencer, new Data(id));
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Order order) {
            ordered(ctx, order);
        }
    }

    /** Takes a numbered message, and delivers every message that is next in turn. */
    protected void ordered(Context ctx, Order order) {
        if (order.global() < next || held.containsKey(order.global())) {
            return;
        }
        held.put(order.global(), order.id());
        if (order.global() != next) {
            ctx.stateChanged("holds back " + order.id() + " numbered " + order.global() + ": waits for number " + next);
        }
        while (held.containsKey(next)) {
            MsgId id = held.remove(next);
            if (clock != null && id.origin() != self) {
                clock = clock.tick(id.origin());
            }
            deliver(ctx, id, "#" + next, clock);
            next++;
        }
    }

    /** The number of the next message to deliver. */
    protected long next() {
        return next;
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = super.view();
        view.put("nextGlobal", next);
        if (clock != null) {
            view.put("clock", clock.entries());
        }
        return view;
    }

    @Override
    List<StateDisplay.Section> orderingState() {
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Global order", Map.of("next number to deliver", next)));
        if (clock != null) {
            sections.add(VectorSection.of("Vector clock", clock));
        }
        return sections;
    }

    @Override
    StateDisplay.Table holdBack() {
        List<List<Object>> rows = new ArrayList<>();
        held.forEach((global, id) -> rows.add(StateDisplay.Table.row(global, id.name(), next)));
        return new StateDisplay.Table("Hold-back queue", List.of("number", "message", "waits for number"), rows);
    }

    @Override
    Object orderingFingerprint() {
        return Arrays.asList(next, new TreeMap<>(held), clock);
    }

    @Override
    List<String> held() {
        return held.values().stream().map(MsgId::name).toList();
    }
}
