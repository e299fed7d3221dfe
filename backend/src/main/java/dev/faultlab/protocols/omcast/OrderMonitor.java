package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * A delivery-order property judged at each delivery from the trace alone. It names the two events that break it;
 * when the run's ordering does not promise the property, the explanation says so.
 */
abstract class OrderMonitor implements Monitor {
    protected final Deliveries deliveries;
    private final Ordering ordering;
    private Violation violation;

    OrderMonitor(Ordering ordering) {
        this(ordering, new Deliveries());
    }

    /** A monitor that judges deliveries recorded in {@code deliveries} by someone else (see {@link OrderJudge}). */
    OrderMonitor(Ordering ordering, Deliveries deliveries) {
        this.ordering = ordering;
        this.deliveries = deliveries;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Deliveries.Delivery delivery = deliveries.onEvent(event);
        if (delivery != null && violation == null) {
            Broken broken = check(delivery);
            if (broken != null) {
                String promise = promised(ordering) ? "" : " (the " + ordering.id() + " ordering does not promise " + property() + ")";
                violation = new Violation(property(), event.seq(), broken.explanation() + promise, List.of(broken.first(), broken.second()));
            }
        }
    }

    /** What breaks the property with this delivery, or null. */
    abstract Broken check(Deliveries.Delivery delivery);

    /** Whether the ordering promises this property. */
    abstract boolean promised(Ordering ordering);

    /** The two events that break the property, in trace order, and why. */
    record Broken(int first, int second, String explanation) {
    }

    protected String name(int index) {
        return deliveries.message(index).id().name();
    }

    @Override
    public Violation violation() {
        return violation;
    }
}
