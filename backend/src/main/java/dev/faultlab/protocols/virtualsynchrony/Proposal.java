package dev.faultlab.protocols.virtualsynchrony;

import java.util.List;
import java.util.TreeSet;

/**
 * A proposed next view: number {@code view}, the coordinator's {@code attempt}-th try at it (a member that fails
 * during the flush makes it try again without that member), its {@code members}, and the {@code flushers}: the
 * members of the closing view still taking part, leavers included, whose messages must reach each other.
 */
public record Proposal(int view, int attempt, List<Integer> members, List<Integer> flushers) {
    public Proposal {
        members = List.copyOf(members);
        flushers = List.copyOf(flushers);
    }

    /** Everyone who sends and awaits a flush: the flushers and the joiners. */
    List<Integer> everyone() {
        TreeSet<Integer> all = new TreeSet<>(members);
        all.addAll(flushers);
        return List.copyOf(all);
    }

    boolean newerThan(Proposal other) {
        return other == null || view > other.view || view == other.view && attempt > other.attempt;
    }
}
