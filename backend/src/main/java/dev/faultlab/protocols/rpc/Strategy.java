package dev.faultlab.protocols.rpc;

import java.util.Arrays;
import java.util.List;

/**
 * What a client does when it cannot tell whether its call was carried out (the server announced a recovery, a
 * timeout ran out, or the server aborted it): the lecture's four reissue strategies. "Acknowledged" means the
 * client got the server's completion message for the call.
 */
public enum Strategy {
    ALWAYS("always", "always reissue"),
    NEVER("never", "never reissue"),
    ACKED("acked", "reissue only when acknowledged"),
    UNACKED("unacked", "reissue only when not acknowledged");

    private final String id;
    private final String label;

    Strategy(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean reissues(boolean acknowledged) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ACKED -> acknowledged;
            case UNACKED -> !acknowledged;
        };
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Strategy::id).toList();
    }

    /** The strategy named {@code id}, or null. */
    public static Strategy of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id)).findFirst().orElse(null);
    }
}
