package dev.faultlab.protocols.byzantine;

import java.util.List;

/** The generals' two plans, the values a process starts with when the recipe gives none. */
public final class Plan {
    public static final String ATTACK = "ATTACK";
    public static final String RETREAT = "RETREAT";
    public static final List<String> BOTH = List.of(ATTACK, RETREAT);

    private Plan() {
    }

    /** The simplest lie about {@code truth}: RETREAT, or ATTACK when the truth is RETREAT. */
    public static String opposite(String truth) {
        return RETREAT.equals(truth) ? ATTACK : RETREAT;
    }
}
