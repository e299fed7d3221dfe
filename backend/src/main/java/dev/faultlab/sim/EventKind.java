package dev.faultlab.sim;

/** What happened at one trace event. */
public enum EventKind {
    SEND, DELIVER, DROP, DUPLICATE, TIMER, CRASH, RECOVER, STATE, DECIDE, FAULT, NOTE, ROUND, END
}
