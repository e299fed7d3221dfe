package dev.faultlab.protocols.virtualsynchrony;

import java.util.Arrays;
import java.util.List;

/**
 * The six virtually synchronous multicasts of the lecture's table: a basic ordering within a view (none, FIFO,
 * causal) and whether delivery is also totally ordered.
 */
public enum Variant {
    RELIABLE("reliable", Basic.NONE, false),
    FIFO("fifo", Basic.FIFO, false),
    CAUSAL("causal", Basic.CAUSAL, false),
    ATOMIC("atomic", Basic.NONE, true),
    FIFO_ATOMIC("fifo-atomic", Basic.FIFO, true),
    CAUSAL_ATOMIC("causal-atomic", Basic.CAUSAL, true);

    /** The ordering a variant promises between the messages it delivers, besides total order. */
    public enum Basic { NONE, FIFO, CAUSAL }

    private final String id;
    private final Basic basic;
    private final boolean total;

    Variant(String id, Basic basic, boolean total) {
        this.id = id;
        this.basic = basic;
        this.total = total;
    }

    public String id() {
        return id;
    }

    public Basic basic() {
        return basic;
    }

    public boolean total() {
        return total;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Variant::id).toList();
    }

    /** The variant with this id, or null. */
    public static Variant of(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst().orElse(null);
    }
}
