package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.StableStorage;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the server keeps in stable storage: the accounts, how many calls it carried out, the epoch, and (with
 * sequence numbers) the last call carried out for each client with its result. The effect of a call and its
 * entry in the table are written together, right after the call's commit output, so no crash falls between them.
 */
final class ServerStore {
    private static final String ACCOUNTS = "accounts";
    private static final String EXECUTED = "executed";
    private static final String EPOCH = "epoch";
    private static final String LATEST = "latest";
    private static final String RESULTS = "results";

    private final StableStorage stable;

    ServerStore(StableStorage stable) {
        this.stable = stable;
        if (!stable.contains(ACCOUNTS)) {
            stable.put(ACCOUNTS, Accounts.INITIAL);
            stable.put(EXECUTED, 0);
            stable.put(EPOCH, 0);
        }
    }

    Accounts accounts() {
        return stable.get(ACCOUNTS);
    }

    int executed() {
        return stable.get(EXECUTED);
    }

    int epoch() {
        return stable.get(EPOCH);
    }

    void epoch(int epoch) {
        stable.put(EPOCH, epoch);
    }

    /** The sequence number of the last call of {@code client} carried out, 0 for none. */
    int latest(int client) {
        Map<String, Integer> latest = stable.get(LATEST);
        return latest == null ? 0 : latest.getOrDefault(key(client), 0);
    }

    String result(int client) {
        Map<String, String> results = stable.get(RESULTS);
        return results == null ? null : results.get(key(client));
    }

    /** Records a call carried out: the new accounts, the count and, with sequence numbers, the client's table entry. */
    void record(Accounts after, int client, int seq, String result, boolean dedup) {
        stable.put(ACCOUNTS, after);
        stable.put(EXECUTED, executed() + 1);
        if (dedup) {
            stable.put(LATEST, with(stable.get(LATEST), key(client), seq));
            stable.put(RESULTS, with(stable.get(RESULTS), key(client), result));
        }
    }

    private static <V> Map<String, V> with(Map<String, V> old, String key, V value) {
        Map<String, V> copy = old == null ? new TreeMap<>() : new TreeMap<>(old);
        copy.put(key, value);
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static String key(int client) {
        return dev.faultlab.sim.ProcessLabel.of(client);
    }
}
