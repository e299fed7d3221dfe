package dev.faultlab.protocols.byzantine;

import java.util.List;

/** The vote of OM(m): a strict majority, or the fixed default when there is none. */
public final class Majority {
    /**
     * The value used when no value has a strict majority (more than half of the votes), and for a
     * message that never arrived: Lamport's RETREAT. Every loyal process applies the same rule, so a
     * traitor that splits the votes pushes all loyal processes to the same RETREAT.
     */
    public static final String NO_MAJORITY = Plan.RETREAT;

    /** The rule in words, for the state inspector and the catalog. */
    public static final String RULE = "a value counts if more than half of the votes are for it; otherwise, and for a "
            + "message that never arrived, the value is " + NO_MAJORITY;

    private Majority() {
    }

    /** Boyer and Moore's vote finds the only possible candidate in one pass; a second pass confirms it. */
    public static String of(List<String> votes) {
        String candidate = null;
        int lead = 0;
        for (String vote : votes) {
            if (lead == 0) {
                candidate = vote;
                lead = 1;
            } else {
                lead += vote.equals(candidate) ? 1 : -1;
            }
        }
        int count = 0;
        for (String vote : votes) {
            if (vote.equals(candidate)) {
                count++;
            }
        }
        return 2 * count > votes.size() ? candidate : NO_MAJORITY;
    }
}
