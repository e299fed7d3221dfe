package dev.faultlab.protocols.raft;

import java.util.SplittableRandom;

/**
 * The operations a client asks for: writes {@code key=value} drawn from the client's own random stream.
 * This is where client requests injected from outside the run would come in instead.
 */
final class Workload {
    private static final String[] KEYS = {"x", "y", "z"};

    private Workload() {
    }

    static String next(SplittableRandom random) {
        return KEYS[random.nextInt(KEYS.length)] + "=" + (1 + random.nextInt(99));
    }
}
