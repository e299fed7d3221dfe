package dev.faultlab.sim;

/**
 * One thing that may happen next, as a {@link Scheduler} sees it: a delivery, a timer firing, a process
 * start, a round start, a planned fault or the end of a lasting one.
 *
 * @param kind    deliver, timer, start, round, fault or fault-end
 * @param time    when the clock says it is due
 * @param node    the process it happens at (the receiver of a delivery), or -1
 * @param peer    the sender of a delivery, or -1
 * @param message the message id of a delivery, or -1
 * @param label   a short description: the message type, the timer's name, the fault's kind, the round
 */
public record Enabled(String kind, long time, int node, int peer, int message, String label) {
}
