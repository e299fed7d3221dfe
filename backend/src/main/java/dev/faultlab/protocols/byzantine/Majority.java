package dev.faultlab.protocols.byzantine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    public static String of(List<String> votes) {
        Map<String, Integer> counts = new HashMap<>();
        for (String vote : votes) {
            int count = counts.merge(vote, 1, Integer::sum);
            if (2 * count > votes.size()) {
                return vote;
            }
        }
        return NO_MAJORITY;
    }
}
