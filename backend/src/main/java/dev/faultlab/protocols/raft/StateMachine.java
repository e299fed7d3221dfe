package dev.faultlab.protocols.raft;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The replicated service: a key-value store where an operation {@code x=5} writes 5 to x. A request a
 * client retransmitted can sit in the log twice; only its first copy takes effect.
 */
final class StateMachine {
    private final TreeMap<String, String> values = new TreeMap<>();
    /** Highest request number applied per client, looked up by key only. */
    private final Map<Integer, Integer> appliedSeq = new HashMap<>();

    void apply(Entry entry) {
        if (entry.fromClient()) {
            if (appliedSeq.getOrDefault(entry.client(), 0) >= entry.seq()) {
                return;
            }
            appliedSeq.put(entry.client(), entry.seq());
        }
        int eq = entry.op().indexOf('=');
        if (eq > 0) {
            values.put(entry.op().substring(0, eq), entry.op().substring(eq + 1));
        }
    }

    /** The machine's state as a value, for the server's fingerprint. */
    Object fingerprint() {
        return java.util.List.of(Map.copyOf(values), Map.copyOf(appliedSeq));
    }

    Map<String, String> view() {
        return new TreeMap<>(values);
    }
}
