package dev.faultlab.protocols.twophase;

/**
 * The states of the seed's finite state machines. The coordinator goes INIT → WAIT → COMMIT or ABORT;
 * a participant goes INIT → READY → COMMIT or ABORT, or straight from INIT to ABORT.
 */
public enum State {
    INIT, WAIT, READY, COMMIT, ABORT;

    /** COMMIT and ABORT are final: entering one is the process's decision and never changes. */
    public boolean isDecision() {
        return this == COMMIT || this == ABORT;
    }
}
