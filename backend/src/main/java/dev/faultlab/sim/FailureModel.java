package dev.faultlab.sim;

/**
 * Which processes a protocol's correctness properties must hold for, as the protocol declares it
 * ({@link Protocol#failureModel()}). Omission, timing and Byzantine faults make a process faulty in both.
 */
public enum FailureModel {
    /** A process that crashed is faulty for the rest of the run, even if it recovers. */
    CRASH_STOP,
    /** A process that crashed and recovered is correct again; only one that is down (at the end) is faulty. */
    CRASH_RECOVERY
}
