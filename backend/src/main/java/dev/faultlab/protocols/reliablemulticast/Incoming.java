package dev.faultlab.protocols.reliablemulticast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * What a member has of one sender's messages: a copy of each it received (kept, so it can repair or re-multicast
 * them), the next number it expects, and, with FIFO delivery, the messages it holds back behind a gap.
 */
final class Incoming {
    private final boolean fifo;
    private final TreeMap<Integer, Data> copies = new TreeMap<>();
    /** With FIFO: the next message to deliver. Without: the lowest number not received. */
    private int nextExpected = 1;
    /** The highest number received or announced (by a SESSION or someone's NACK). */
    private int highestKnown;

    Incoming(boolean fifo) {
        this.fifo = fifo;
    }

    /** The copies held and the numbers known, for the member's fingerprint. */
    Object fingerprint() {
        return Arrays.asList(new TreeMap<>(copies), nextExpected, highestKnown);
    }

    boolean has(int seq) {
        return copies.containsKey(seq);
    }

    Data copy(int seq) {
        return copies.get(seq);
    }

    /** Takes a new message (not held before) and returns the numbers to deliver now, in order. */
    List<Integer> receive(Data data) {
        copies.put(data.seq(), data);
        highestKnown = Math.max(highestKnown, data.seq());
        List<Integer> ready = new ArrayList<>();
        if (!fifo) {
            ready.add(data.seq());
        }
        while (copies.containsKey(nextExpected)) {
            if (fifo) {
                ready.add(nextExpected);
            }
            nextExpected++;
        }
        return ready;
    }

    void announce(int highest) {
        highestKnown = Math.max(highestKnown, highest);
    }

    /** Numbers up to the highest known that this member has not received, ascending. */
    List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int seq = nextExpected; seq <= highestKnown; seq++) {
            if (!copies.containsKey(seq)) {
                missing.add(seq);
            }
        }
        return missing;
    }

    int nextExpected() {
        return nextExpected;
    }

    /** Received but not yet delivered: FIFO holds what arrived behind a gap. */
    List<Integer> held() {
        return fifo ? new ArrayList<>(copies.tailMap(nextExpected, false).keySet()) : List.of();
    }

    int received() {
        return copies.size();
    }

    List<Integer> numbers() {
        return new ArrayList<>(copies.keySet());
    }
}
