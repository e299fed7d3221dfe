package dev.faultlab.sim;

/**
 * The fault model of the course, each kind with the parameters it reads from {@link Fault#params()}.
 * Faults that last ({@code SEND_OMISSION}, {@code RECEIVE_OMISSION}, {@code TIMING}) end after the
 * optional {@code duration} ticks, or never.
 */
public enum FaultKind {
    /** The node stops; volatile state is lost. Optional {@code afterSends} (crash after that many more sends)
     *  or {@code reaches} (the node's next handler delivers only to these nodes, then it crashes). */
    CRASH,
    /** A crashed node restarts from its stable storage. */
    RECOVER,
    /** The node's outgoing messages are lost with {@code probability} (default 1). */
    SEND_OMISSION,
    /** Messages arriving at the node are lost with {@code probability} (default 1). */
    RECEIVE_OMISSION,
    /** The node's messages take {@code extraDelay} more ticks; its timers run {@code timerFactor} times slower. */
    TIMING,
    /** The node turns Byzantine with the protocol's named {@code behaviour} (and that behaviour's parameters,
     *  e.g. a scripted table of {@code lies}: see {@link Lie}). */
    BYZANTINE,
    /** The link from the target to {@code to} goes down (both directions unless {@code oneWay} is true). */
    LINK_DOWN,
    /** The link from the target to {@code to} comes back (both directions unless {@code oneWay} is true). */
    LINK_UP,
    /** Messages from the target to {@code to} are lost with {@code probability} (one way). */
    LINK_LOSS,
    /** The network splits into {@code groups} (lists of node ids); nodes in no group form one more group. */
    PARTITION,
    /** All partitions end. */
    HEAL,
    /** The whole network changes from now on: any of {@code loss}, {@code duplication} (probabilities),
     *  {@code fifo} (false lets links reorder) and {@code delay} ({@code {kind, min, max, mean}}). */
    NETWORK,
    /** Not a fault but an input: a client request with {@code command} (text) handed to the target process
     *  ({@link AsyncProcess#onRequest}); recorded as a REQUEST event. */
    REQUEST;

    /** Whether the fault names a node in {@link Fault#target()}. */
    public boolean needsTarget() {
        return this != PARTITION && this != HEAL && this != NETWORK;
    }

    /** Whether the fault makes its target a faulty process, which correctness properties then exempt. */
    public boolean makesFaulty() {
        return switch (this) {
            case CRASH, SEND_OMISSION, RECEIVE_OMISSION, TIMING, BYZANTINE -> true;
            default -> false;
        };
    }
}
