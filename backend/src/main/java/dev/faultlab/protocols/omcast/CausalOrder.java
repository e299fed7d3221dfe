package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.ProcessLabel;

/**
 * Causal order: if the multicast of m happened before the multicast of m' (its origin had multicast or delivered m,
 * or something m happened before, when it multicast m'), every member that delivers m' has delivered m before it.
 * The two events named: where the origin of m' came to know m, and the delivery of m' without m.
 */
final class CausalOrder extends OrderMonitor {
    static final String NAME = "causal order";

    CausalOrder(Ordering ordering) {
        super(ordering);
    }

    CausalOrder(Ordering ordering, Deliveries deliveries) {
        super(ordering, deliveries);
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    boolean promised(Ordering ordering) {
        return ordering.causal();
    }

    @Override
    Broken check(Deliveries.Delivery delivery) {
        Deliveries.Multicast message = deliveries.message(delivery.index());
        int origin = message.id().origin();
        for (int i = message.past().nextSetBit(0); i >= 0; i = message.past().nextSetBit(i + 1)) {
            if (!deliveries.delivered(delivery.node(), i)) {
                int learned = deliveries.learnedAt(origin, i);
                String how = deliveries.message(i).id().origin() == origin ? ProcessLabel.of(origin) + " multicast " + name(i) + " first"
                        : ProcessLabel.of(origin) + " knew " + name(i) + " (#" + learned + ") before multicasting " + message.id().name();
                return new Broken(learned, delivery.event(), ProcessLabel.of(delivery.node()) + " delivered " + message.id().name()
                        + " without having delivered " + name(i) + ", though " + name(i) + " happened before " + message.id().name() + ": " + how);
            }
        }
        return null;
    }

    @Override
    public String holding() {
        return "every member delivered each message after everything that happened before its multicast";
    }
}
