package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Params;
import dev.faultlab.sim.RecipeException;

/**
 * One run's settings, checked together.
 *
 * @param n                processes in the group (P1 to Pn)
 * @param senders          P1 to P{senders} each multicast {@code messages} messages to the group
 * @param interval         ticks between a sender's messages; its first goes out at {@code interval}
 * @param timeout          ticks before a retransmission for missing acknowledgements, a repeated NACK, a SESSION
 * @param suppressionDelay longest random delay before a multicast NACK or a repair (suppression)
 * @param groupSize        receivers per local group, its coordinator included (hierarchy)
 * @param ackDelay         ticks a piggybacked acknowledgement waits for a multicast to ride on (piggyback)
 * @param runFor           no timer fires after this tick, so the run ends soon after
 */
public record Config(int n, int senders, int messages, int interval, Variant variant, boolean fifo, boolean remulticast,
                     int timeout, int suppressionDelay, int groupSize, int ackDelay, int runFor) {

    static Config of(Params params) {
        String name = params.getString("variant");
        Variant variant = Variant.of(name);
        if (variant == null) {
            throw new RecipeException("params.variant", "must be one of " + String.join(", ", Variant.ids()) + ", got '" + name + "'");
        }
        int n = params.getInt("n");
        int senders = params.getInt("senders");
        if (senders > n) {
            throw new RecipeException("params.senders", "must be at most the group size n=" + n + ", got " + senders);
        }
        if (variant == Variant.HIERARCHY && senders != 1) {
            throw new RecipeException("params.senders", "the hierarchy is a tree rooted at one sender: use senders: 1, got " + senders);
        }
        return new Config(n, senders, params.getInt("messages"), params.getInt("interval"), variant,
                params.getBoolean("fifo"), params.getBoolean("remulticast"), params.getInt("timeout"),
                params.getInt("suppressionDelay"), params.getInt("groupSize"), params.getInt("ackDelay"), params.getInt("runFor"));
    }

    boolean sender(int node) {
        return node < senders;
    }

    /** The local coordinator of a receiver of the hierarchy (itself for a coordinator); receivers are P2 to Pn. */
    int coordinatorOf(int node) {
        return 1 + (node - 1) / groupSize * groupSize;
    }

    boolean coordinator(int node) {
        return variant == Variant.HIERARCHY && node > 0 && coordinatorOf(node) == node;
    }
}
