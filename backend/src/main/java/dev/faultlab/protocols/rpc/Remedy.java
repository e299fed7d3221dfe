package dev.faultlab.protocols.rpc;

import java.util.Arrays;
import java.util.List;

/** How orphan computations of a crashed client are dealt with: the lecture's four remedies, or none. */
public enum Remedy {
    NONE("none", "nothing: orphans run to their end"),
    EXTERMINATION("extermination", "the client logs each call before sending it and, after a reboot, has the server kill what its log names"),
    REINCARNATION("reincarnation", "a rebooted client declares a new epoch; the server kills every computation of an earlier epoch"),
    GENTLE("gentle", "a rebooted client declares a new epoch; the server asks the owner of each older computation and kills it only if the owner does not claim it"),
    EXPIRATION("expiration", "every call has a lease of T ticks that the waiting client extends; a computation whose lease runs out is killed, and a rebooted client waits T before calling");

    private final String id;
    private final String description;

    Remedy(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean epochs() {
        return this == REINCARNATION || this == GENTLE;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Remedy::id).toList();
    }

    /** The remedy named {@code id}, or null. */
    public static Remedy of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id)).findFirst().orElse(null);
    }
}
