package dev.faultlab.protocols.reliablemulticast;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How receivers give feedback to the sender: the feedback schemes of the lecture, one per run. */
public enum Variant {
    /** Every receiver acknowledges every message; the sender retransmits to those that have not, after a timeout. */
    ACK("positive acknowledgements from every receiver"),
    /** A receiver that finds a gap asks the sender for the missing messages; nobody acknowledges. */
    NACK("negative acknowledgements on a gap, to the sender"),
    /** NACKs multicast after a random delay, suppressed by whoever hears one first; any holder repairs. */
    SUPPRESSION("NACKs multicast after a random delay; others suppress theirs; any holder retransmits"),
    /** Local coordinators forward to their group, collect its acknowledgements and retransmit within it. */
    HIERARCHY("local coordinators forward, collect acknowledgements and retransmit in their group"),
    /** Acknowledgements (positive and negative) ride on the next message a member multicasts. */
    PIGGYBACK("positive and negative acknowledgements piggybacked on the next multicast");

    private final String description;

    Variant(String description) {
        this.description = description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** Whether receivers acknowledge what they receive. */
    boolean positive() {
        return this == ACK || this == HIERARCHY || this == PIGGYBACK;
    }

    /** Whether receivers report gaps, so the sender must announce its last message (a SESSION) for a lost tail. */
    boolean negative() {
        return this == NACK || this == SUPPRESSION || this == PIGGYBACK;
    }

    /**
     * Whether the sender announces its last message (a SESSION) once it has sent everything: in the schemes with
     * NACKs only, a receiver that lost the last message sees no gap and nobody would notice the loss.
     */
    boolean needsSession() {
        return this == NACK || this == SUPPRESSION;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Variant::id).toList();
    }

    /** The variant named {@code id}, or null. */
    public static Variant of(String id) {
        return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst().orElse(null);
    }
}
