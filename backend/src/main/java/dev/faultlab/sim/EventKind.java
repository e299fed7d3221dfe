package dev.faultlab.sim;

/** What happened at one trace event. New kinds go at the end: the trace stores the ordinal. */
public enum EventKind {
    SEND, DELIVER, DROP, DUPLICATE, TIMER, CRASH, RECOVER, STATE, DECIDE, FAULT, NOTE, ROUND, END,
    /** A typed {@link Output} other than a decision (payload: the output, detail: its kind). */
    OUTPUT,
    /** A client {@link Request} handed to a process (payload: the request). */
    REQUEST
}
