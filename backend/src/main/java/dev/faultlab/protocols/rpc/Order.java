package dev.faultlab.protocols.rpc;

import java.util.Arrays;
import java.util.List;

/**
 * The server's strategy: send the completion message M before doing the work P (M then P), or after it (P then
 * M). As in the lecture, M is the message and P the processing (printing the document).
 */
public enum Order {
    MP("M then P: the completion message first, then the work"),
    PM("P then M: the work first, then the completion message");

    private final String label;

    Order(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** The order named {@code id}, or null. */
    public static Order of(String id) {
        return Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(id)).findFirst().orElse(null);
    }
}
