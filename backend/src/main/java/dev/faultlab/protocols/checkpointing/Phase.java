package dev.faultlab.protocols.checkpointing;

/** What a process is doing besides its application work. */
public enum Phase {
    /** Working: sends and receives application messages. */
    NORMAL,
    /** Took the checkpoint of a coordinated round: holds its application messages back until the round is done. */
    HOLDING,
    /** Reported its dependencies to a recovering process: waits for the recovery line, queueing what arrives. */
    PAUSED,
    /** Recovered from a crash: waits for every other process's dependencies to compute the recovery line. */
    RECOVERING;

    public String id() {
        return name().toLowerCase();
    }
}
