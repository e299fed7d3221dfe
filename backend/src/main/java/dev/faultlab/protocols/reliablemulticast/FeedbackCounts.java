package dev.faultlab.protocols.reliablemulticast;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one member has sent besides its own messages, for the state display. */
final class FeedbackCounts {
    private int acks;
    private int nacks;
    private int suppressed;
    private int retransmissions;
    private int relays;

    void ack() {
        acks++;
    }

    void nack() {
        nacks++;
    }

    void suppressed() {
        suppressed++;
    }

    void retransmitted(Data copy) {
        if (copy.copy() == Copy.RELAY) {
            relays++;
        } else {
            retransmissions++;
        }
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ACKs sent", acks);
        view.put("NACKs sent", nacks);
        view.put("NACKs suppressed", suppressed);
        view.put("retransmissions sent", retransmissions);
        view.put("re-multicasts repeated", relays);
        return view;
    }
}
