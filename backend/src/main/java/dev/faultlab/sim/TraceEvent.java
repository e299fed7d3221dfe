package dev.faultlab.sim;

/**
 * One event of a run's trace.
 *
 * @param seq     position in the trace, from 0
 * @param time    virtual time in ticks
 * @param kind    what happened
 * @param node    the process it happened at (-1 for network-wide events)
 * @param peer    the other end of a message (receiver of a SEND, sender of a DELIVER), else -1
 * @param message message id shared by the SEND and its DELIVER/DROP/DUPLICATE events, else -1
 * @param parent  seq of the event that caused this one (a DELIVER's SEND, a SEND's handler event), else -1
 * @param lamport Lamport clock of {@code node} after the event (0 where it has no meaning)
 * @param round   the round of a round-based protocol, else -1
 * @param payload the message, decided value, fault, or note text
 * @param detail  a short reason where one applies (why a message was dropped, which timer fired), else null
 */
public record TraceEvent(int seq, long time, EventKind kind, int node, int peer, int message, int parent,
                         int lamport, int round, Object payload, String detail) {
}
