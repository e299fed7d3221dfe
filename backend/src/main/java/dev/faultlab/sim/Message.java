package dev.faultlab.sim;

/**
 * A protocol message. Implementations are immutable records: the trace keeps a reference to the
 * same object for the send and every delivery, and the browser sees the record's fields as JSON.
 */
public interface Message {
    /** The message type shown in the trace and the event log filter. */
    default String type() {
        return getClass().getSimpleName();
    }
}
