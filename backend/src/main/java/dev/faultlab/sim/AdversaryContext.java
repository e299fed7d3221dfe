package dev.faultlab.sim;

import java.util.SplittableRandom;

/**
 * What a Byzantine node's {@link Adversary} can see and do: everything a process can ({@link Context}: send to
 * anyone, timers, notes, decisions, signatures in its own name), plus the honest process it replaces.
 * {@link #random()} is the adversary's own stream, split off when the node turned Byzantine, so lying never shifts
 * anyone else's numbers.
 */
public interface AdversaryContext extends Context {

    /**
     * The process the node would run if it were loyal, with the state it had when the node turned (and whatever
     * the adversary made it do since); after a recovery, the fresh process the protocol made. Null while crashed.
     */
    NodeProcess honest();

    /** The random numbers the honest process draws from: hand them to it when running it, so its draws stay its own. */
    SplittableRandom honestRandom();
}
