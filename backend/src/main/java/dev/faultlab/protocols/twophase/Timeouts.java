package dev.faultlab.protocols.twophase;

/**
 * The protocol's timing, in ticks.
 *
 * @param vote          how long the coordinator in WAIT waits for all votes before GLOBAL_ABORT
 * @param init          how long a participant in INIT waits for VOTE_REQUEST before aborting
 * @param decision      how long a participant in READY waits for the decision before asking the other participants
 * @param retryInterval the coordinator's pause between re-sent decisions; a READY participant's first pause
 *                      between rounds of DECISION_REQUEST, doubling after each round
 * @param maxRetries    how often the coordinator re-sends its decision before it gives up; a READY participant
 *                      never gives up asking until every other participant has answered
 */
record Timeouts(long vote, long init, long decision, long retryInterval, int maxRetries) {
}
