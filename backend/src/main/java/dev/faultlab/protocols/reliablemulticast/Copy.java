package dev.faultlab.protocols.reliablemulticast;

/** Which transmission of a message a DATA is: the students count retransmissions and re-multicasts apart. */
public enum Copy {
    /** The sender's first multicast. */
    ORIGINAL,
    /** Sent again to repair a loss: by the sender, a local coordinator, or (with suppression) any holder. */
    RETRANSMISSION,
    /** A local coordinator passes the sender's message on to its group. */
    FORWARD,
    /** A receiver re-multicasts what it received, so the others get it even if the sender crashed part-way. */
    RELAY
}
