package dev.faultlab.sim;

import java.util.List;

/**
 * What a Byzantine node runs instead of its honest process, from the moment a BYZANTINE fault turns it: built by
 * one of the protocol's behaviours ({@link BehaviourSpec}) and driven by the kernel on every event the node
 * handles, with an {@link AdversaryContext}. Through it the adversary can originate messages to anyone (at once,
 * or later on a timer in an asynchronous protocol), react to what the node receives, withhold (send nothing) and
 * equivocate (tell different processes different things); it may run or consult the honest process it replaces
 * ({@link AdversaryContext#honest()}), e.g. to lie about what that one would send ({@link #rewriting}). It signs
 * only in its own name ({@link Signed}).
 *
 * <p>Every handler does nothing by default: an adversary that implements none withholds everything. While the
 * node is crashed nothing is called; the adversary outlives a crash and is told when the node recovers.
 */
public interface Adversary {

    /** The node has just turned Byzantine; what the adversary does here is caused by the BYZANTINE fault. */
    default void onTakeover(AdversaryContext ctx) {
    }

    /** An asynchronous protocol starts (only if the node turned Byzantine before it started). */
    default void onStart(AdversaryContext ctx) {
    }

    /**
     * A message reached the node. In a round protocol this is called as the message arrives, mid-round, so the
     * adversary can react within the same round (a "rushing" traitor); the message is also in the next round's
     * inbox.
     */
    default void onMessage(AdversaryContext ctx, int from, Message message) {
    }

    /** A timer the node set fired (timers belong to asynchronous protocols). */
    default void onTimer(AdversaryContext ctx, String timer) {
    }

    /** Round {@code round} of a round protocol starts, with what arrived during the previous one. */
    default void onRound(AdversaryContext ctx, int round, List<Delivery> inbox) {
    }

    /** The rounds of a round protocol are over, with what arrived in the last one. */
    default void onEnd(AdversaryContext ctx, List<Delivery> inbox) {
    }

    /** The crashed node restarted: {@link AdversaryContext#honest()} is now a fresh process of the protocol. */
    default void onRecover(AdversaryContext ctx) {
    }

    /** A client request reached the node. */
    default void onRequest(AdversaryContext ctx, Request request) {
    }

    /**
     * An adversary that runs the honest process it replaces and sends, in place of each message that process
     * sends to another process, what {@code rewrite} returns: the message, another one, or nothing (null). Messages
     * to itself stay as they are.
     */
    static Adversary rewriting(RewritingAdversary.Rewrite rewrite) {
        return new RewritingAdversary(rewrite);
    }
}
