package dev.faultlab.protocols.omcast;

import java.util.Arrays;
import java.util.Optional;

/** The delivery orders the protocol offers, as the recipe names them ({@code params.ordering}). */
public enum Ordering {
    UNORDERED("unordered", "delivered as it arrives: no order promised", false, false, false),
    FIFO("fifo", "per-sender sequence numbers and a hold-back queue", true, false, false),
    CAUSAL("causal", "vector timestamps and the causal delivery condition", true, false, false),
    SEQUENCER("sequencer", "total order from a fixed sequencer, a third party that numbers every message", false, true, true),
    MOVING_SEQUENCER("moving-sequencer", "total order from sequencers that pass a token: its holder numbers the messages",
            false, true, true),
    PRIVILEGE("privilege", "total order from a token circulated among the senders: only its holder multicasts", true, true, false),
    LAMPORT("lamport", "total order by Lamport timestamps: acknowledgements to all, delivery at the queue head (needs FIFO links)",
            true, true, false),
    ISIS("isis", "total order by ISIS: proposed sequence numbers, the largest is agreed", false, true, false),
    FIFO_TOTAL("fifo-total", "a fixed sequencer that numbers each sender's messages in their FIFO order", true, true, true),
    CAUSAL_TOTAL("causal-total", "a fixed sequencer that numbers messages only once they are causally deliverable", true, true, true);

    private final String id;
    private final String description;
    private final boolean fifo;
    private final boolean total;
    private final boolean sequencers;

    Ordering(String id, String description, boolean fifo, boolean total, boolean sequencers) {
        this.id = id;
        this.description = description;
        this.fifo = fifo;
        this.total = total;
        this.sequencers = sequencers;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether it promises one order of delivery at every member. */
    public boolean total() {
        return total;
    }

    /** Whether it runs sequencer processes beside the members. */
    public boolean hasSequencers() {
        return sequencers;
    }

    /**
     * Whether it promises FIFO order on any network: causal order implies it; a plain sequencer and ISIS keep a
     * sender's order only when the links happen to.
     */
    public boolean fifo() {
        return fifo;
    }

    /** Whether it promises causal order. */
    public boolean causal() {
        return this == CAUSAL || this == CAUSAL_TOTAL;
    }

    public static Optional<Ordering> of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Ordering::id).toList());
    }
}
