package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.ProcessLabel;

/**
 * FIFO order: if a member multicasts m and then m', every member that delivers m' has delivered m before it. A
 * member that delivers m' while m, multicast before it by the same member, is not yet delivered there breaks it.
 */
final class FifoOrder extends OrderMonitor {
    static final String NAME = "FIFO order";

    FifoOrder(Ordering ordering) {
        super(ordering);
    }

    FifoOrder(Ordering ordering, Deliveries deliveries) {
        super(ordering, deliveries);
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    boolean promised(Ordering ordering) {
        return ordering.fifo();
    }

    @Override
    Broken check(Deliveries.Delivery delivery) {
        MsgId id = deliveries.message(delivery.index()).id();
        for (int i = 0; i < deliveries.count(); i++) {
            Deliveries.Multicast earlier = deliveries.message(i);
            if (earlier.id().origin() == id.origin() && earlier.id().seq() < id.seq() && !deliveries.delivered(delivery.node(), i)) {
                return new Broken(earlier.event(), delivery.event(), ProcessLabel.of(delivery.node()) + " delivered " + id.name()
                        + " without having delivered " + earlier.id().name() + ", which " + ProcessLabel.of(id.origin()) + " multicast first (#"
                        + earlier.event() + ")");
            }
        }
        return null;
    }

    @Override
    public String holding() {
        return "every member delivered each sender's messages in the order they were multicast";
    }
}
