package dev.faultlab.sim;

import java.util.List;

/**
 * A process of a synchronous round-based algorithm. Every message sent in round r is delivered
 * (or lost to a fault) before round r+1 starts, and arrives in that round's inbox.
 */
public non-sealed interface RoundProcess extends NodeProcess {
    /** Round {@code round} (from 1) starts; {@code inbox} holds what arrived during the previous round. */
    void onRound(Context ctx, int round, List<Delivery> inbox);

    /** All rounds are over; {@code inbox} holds what was sent in the last round. Decide here. */
    void onEnd(Context ctx, List<Delivery> inbox);

    /** Called on a fresh process object after a crash; it takes part again from the next round. */
    default void onRecover(Context ctx) {
    }

    /** A client request handed to this process between rounds; what it sends now are messages of the current round. */
    default void onRequest(Context ctx, Request request) {
    }
}
