package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.ProcessLabel;

import java.util.List;

/**
 * Total order: if a member delivers m before m', every member that delivers m' delivers m before it. Checked at each
 * delivery of m' against every member that delivered m' too: both must have delivered the same messages before it.
 */
final class TotalOrder extends OrderMonitor {
    static final String NAME = "total order";

    TotalOrder(Ordering ordering) {
        super(ordering);
    }

    TotalOrder(Ordering ordering, Deliveries deliveries) {
        super(ordering, deliveries);
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    boolean promised(Ordering ordering) {
        return ordering.total();
    }

    @Override
    Broken check(Deliveries.Delivery delivery) {
        int node = delivery.node();
        int index = delivery.index();
        for (int other : deliveries.nodes()) {
            int there = deliveries.position(other, index);
            if (other == node || there < 0) {
                continue;
            }
            List<Deliveries.Delivery> before = deliveries.at(other).subList(0, there);
            for (Deliveries.Delivery earlier : before) {
                int here = deliveries.position(node, earlier.index());
                if (here < 0 || here > delivery.position()) {
                    return new Broken(earlier.event(), delivery.event(), ProcessLabel.of(other) + " delivered " + name(earlier.index())
                            + " before " + name(index) + ", but " + ProcessLabel.of(node) + " delivered " + name(index) + " without "
                            + name(earlier.index()) + " before it");
                }
            }
            for (Deliveries.Delivery earlier : deliveries.at(node).subList(0, delivery.position())) {
                int at = deliveries.position(other, earlier.index());
                if (at < 0 || at > there) {
                    return new Broken(deliveries.at(other).get(there).event(), delivery.event(), ProcessLabel.of(node) + " delivered " + name(earlier.index())
                            + " before " + name(index) + ", but " + ProcessLabel.of(other) + " delivered " + name(index) + " without "
                            + name(earlier.index()) + " before it");
                }
            }
        }
        return null;
    }

    @Override
    public String holding() {
        return "every member delivered the messages it shares with the others in one order";
    }
}
