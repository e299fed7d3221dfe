package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's storage that survives a crash: named values and named append-only logs. Values should be
 * immutable: they outlive the process object.
 */
public final class StableStorage {
    private final Map<String, Object> entries = new LinkedHashMap<>();
    private final Map<String, StableLog<?>> logs = new LinkedHashMap<>();

    public void put(String key, Object value) {
        if (logs.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' names a log in stable storage; values and logs need different names");
        }
        entries.put(key, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) entries.get(key);
    }

    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** The log named {@code name}, made empty on first use; the same log after a recovery. */
    @SuppressWarnings("unchecked")
    public <T> StableLog<T> log(String name) {
        if (entries.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' names a value in stable storage; values and logs need different names");
        }
        return (StableLog<T>) logs.computeIfAbsent(name, key -> new StableLog<>());
    }

    /** What the storage holds, hashed: its values and the entries of its logs. */
    int contentHash() {
        int hash = entries.hashCode();
        for (Map.Entry<String, StableLog<?>> log : logs.entrySet()) {
            hash = 31 * hash + log.getKey().hashCode() * 17 + log.getValue().entries().hashCode();
        }
        return hash;
    }

    /** Values, then each log as a list of its entries. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(entries);
        logs.forEach((name, log) -> view.put(name, new ArrayList<>(log.entries())));
        return Collections.unmodifiableMap(view);
    }
}
