package dev.faultlab.protocols.twophase;

/**
 * The protocol's timing, in ticks.
 *
 * @param vote          how long the coordinator in WAIT waits for all votes before GLOBAL_ABORT
 * @param init          how long a participant in INIT waits for VOTE_REQUEST before aborting
 * @param decision      how long a participant in READY waits for the decision before asking the other participants
 * @param retryInterval time between repeated DECISION_REQUESTs, and between re-sent decisions
 * @param maxRetries    how often those are repeated before the process gives up and waits
 */
record Timeouts(long vote, long init, long decision, long retryInterval, int maxRetries) {
}
