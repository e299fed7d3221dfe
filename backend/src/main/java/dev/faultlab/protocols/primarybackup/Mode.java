package dev.faultlab.protocols.primarybackup;

import java.util.Locale;

/** What the primary sends its backups for each client request, as lectures 004 and 000 compare them. */
public enum Mode {
    /** The client's request itself: every replica executes it (lecture 004, "sync = client request"). */
    ACTIVE("active", "Sync = the client's request; every replica executes it"),
    /** The state the primary reached: backups only install it (lecture 004, "sync = state update"). */
    PASSIVE("passive", "Sync = the state update; backups install it"),
    /** The request with the leader's non-deterministic choices: followers execute it, choosing as told (lecture 000). */
    SEMI_ACTIVE("semi-active", "Sync = the request and the leader's choice; followers execute it with that choice");

    private final String id;
    private final String explanation;

    Mode(String id, String explanation) {
        this.id = id;
        this.explanation = explanation;
    }

    public String id() {
        return id;
    }

    public String explanation() {
        return explanation;
    }

    public static Mode of(String text) {
        for (Mode mode : values()) {
            if (mode.id.equals(text.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        return null;
    }

    /** The primary's name in this mode: semi-active replication speaks of a leader. */
    String primaryName() {
        return this == SEMI_ACTIVE ? "LEADER" : "PRIMARY";
    }

    String backupName() {
        return this == SEMI_ACTIVE ? "FOLLOWER" : "BACKUP";
    }
}
