package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.ProcessLabel;

/** What the application receives: message number {@code seq} of its sender, named as the lecture does ("m3"). */
public record Payload(int seq, String text) {
    static Payload of(int origin, int seq) {
        return new Payload(seq, label(origin, seq));
    }

    /** "m3" of P1, or "m3@P2" when several members send (each numbers its own messages from 1). */
    static String label(int origin, int seq) {
        return origin == 0 ? "m" + seq : "m" + seq + "@" + ProcessLabel.of(origin);
    }
}
