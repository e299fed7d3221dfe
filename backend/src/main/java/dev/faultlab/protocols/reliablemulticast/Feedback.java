package dev.faultlab.protocols.reliablemulticast;

/** One acknowledgement piggybacked on a DATA: message {@code seq} of {@code origin}, received or missing. */
public record Feedback(int origin, int seq, boolean positive) {
    @Override
    public String toString() {
        return (positive ? "ack " : "nack ") + Payload.label(origin, seq);
    }
}
