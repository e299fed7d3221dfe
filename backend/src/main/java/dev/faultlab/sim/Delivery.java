package dev.faultlab.sim;

/** A message as it reached a round process: who sent it, in which round, and the trace event of its delivery. */
public record Delivery(int from, int round, Message message, int event) {
}
