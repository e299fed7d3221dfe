package dev.faultlab.check;

import java.util.List;

/**
 * Which decisions can still be reached from one configuration of a run, found by search ({@link ValencySearch}).
 * Bivalent when a run to each of two values was found; v-valent when only v was found and the search saw every
 * configuration there is; unknown when a bound stopped the search before it could say.
 *
 * @param label     {@code bivalent}; {@code 0-valent}, {@code 1-valent} (also where some process already decided that
 *                  value); {@code none} when no decision is reachable at all; {@code unknown}
 * @param reachable the decision values runs from here were seen to reach, in the order found
 * @param exhausted whether the search saw every configuration reachable from here
 * @param states    configurations looked at
 * @param why       one sentence for the student
 */
public record Valency(String label, List<Object> reachable, boolean exhausted, long states, String why) {
    public static final String BIVALENT = "bivalent";
    public static final String UNKNOWN = "unknown";
    public static final String NONE = "none";

    public Valency {
        reachable = List.copyOf(reachable);
    }

    public static String valent(Object value) {
        return value + "-valent";
    }

    public boolean bivalent() {
        return label.equals(BIVALENT);
    }
}
