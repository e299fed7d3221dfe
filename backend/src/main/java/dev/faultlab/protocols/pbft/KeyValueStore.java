package dev.faultlab.protocols.pbft;

import java.util.Map;
import java.util.TreeMap;

/**
 * The replicated service: a key-value store. "key=value" sets a key; any other command changes nothing. The
 * result names the timestamp and the command, so replicas that executed different operations at a timestamp
 * answer differently.
 */
final class KeyValueStore {
    private final TreeMap<String, String> values = new TreeMap<>();

    String apply(int t, String command) {
        int eq = command.indexOf('=');
        if (eq > 0) {
            values.put(command.substring(0, eq).trim(), command.substring(eq + 1).trim());
        }
        return "t=" + t + ": " + command;
    }

    /** The values, for the replica's fingerprint. */
    Object fingerprint() {
        return new TreeMap<>(values);
    }

    Map<String, Object> view() {
        return new TreeMap<>(values);
    }
}
