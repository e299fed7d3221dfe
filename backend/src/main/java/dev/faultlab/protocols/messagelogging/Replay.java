package dev.faultlab.protocols.messagelogging;

import java.util.List;

/**
 * The progress of a process's last recovery (after a crash) or rollback (as an orphan): the checkpoint it restored,
 * the messages it replayed from the log and those it skipped because they were sent in a lost interval, and the
 * interval it kept of its incarnation once done.
 */
public record Replay(String cause, int checkpoint, List<String> replayed, List<String> skipped, boolean done, int kept) {
    public static final String CRASH = "crash";
    public static final String ORPHAN = "orphan";

    public Replay {
        replayed = List.copyOf(replayed);
        skipped = List.copyOf(skipped);
    }
}
