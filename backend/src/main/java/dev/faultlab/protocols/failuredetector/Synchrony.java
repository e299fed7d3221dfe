package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.LinkSpec;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.TraceEvent;

import java.util.Set;
import java.util.TreeSet;

/**
 * The global stabilisation time (GST) of a run, read from its network and its faults as they happen: from GST on
 * every heartbeat arrives within a bound, so a detector that lengthens its timeouts stops making mistakes. A
 * timing or omission fault with a duration pushes GST to its end; one without a duration, a partition or a cut
 * link until it heals, and a network that loses messages or has unbounded (exponential) delays leave the run
 * asynchronous: it has no GST (yet).
 */
final class Synchrony {
    static final long NEVER = Long.MAX_VALUE;

    private long settledAt;
    private boolean endless;
    private boolean unboundedNetwork;
    private boolean partitioned;
    private final Set<String> cut = new TreeSet<>();

    Synchrony(NetworkSpec network) {
        unboundedNetwork = unbounded(network);
    }

    void read(TraceEvent event) {
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault) {
            apply(fault, event.time());
        }
    }

    private void apply(Fault fault, long time) {
        switch (fault.kind()) {
            case TIMING, SEND_OMISSION, RECEIVE_OMISSION -> {
                if (fault.params().get("duration") instanceof Number duration) {
                    settledAt = Math.max(settledAt, time + duration.longValue());
                } else {
                    endless = true;
                }
            }
            case LINK_LOSS -> endless = true;
            case PARTITION -> partitioned = true;
            case HEAL -> {
                partitioned = false;
                settledAt = Math.max(settledAt, time);
            }
            case LINK_DOWN -> cut.add(link(fault));
            case LINK_UP -> {
                cut.remove(link(fault));
                settledAt = Math.max(settledAt, time);
            }
            case NETWORK -> {
                boolean lossy = fault.params().get("loss") instanceof Number loss && loss.doubleValue() > 0;
                boolean exponential = fault.params().get("delay") instanceof java.util.Map<?, ?> delay && "exponential".equals(delay.get("kind"));
                unboundedNetwork = lossy || exponential;
                settledAt = Math.max(settledAt, time);
            }
            default -> {
            }
        }
    }

    /** GST as far as the run has shown it, or {@link #NEVER} while (or if forever) it is asynchronous. */
    long gst() {
        return endless || unboundedNetwork || partitioned || !cut.isEmpty() ? NEVER : settledAt;
    }

    /** Why there is no GST, for a person; null when there is one. */
    String whyAsynchronous() {
        if (endless) {
            return "a timing, omission or loss fault without an end";
        }
        if (unboundedNetwork) {
            return "the network loses messages or has unbounded delays";
        }
        if (partitioned || !cut.isEmpty()) {
            return "the network is cut";
        }
        return null;
    }

    private static boolean unbounded(NetworkSpec network) {
        if (network == null) {
            return false;
        }
        if (network.loss() > 0 || exponential(network.delay())) {
            return true;
        }
        for (LinkSpec link : network.links()) {
            if ((link.loss() != null && link.loss() > 0) || exponential(link.delay())) {
                return true;
            }
        }
        return false;
    }

    private static boolean exponential(Delay delay) {
        return delay != null && "exponential".equals(delay.kind());
    }

    private static String link(Fault fault) {
        int a = fault.targetNode();
        int b = ((Number) fault.params().get("to")).intValue();
        return Math.min(a, b) + "-" + Math.max(a, b);
    }
}
