package dev.faultlab.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A node's storage that survives a crash. Values should be immutable: they outlive the process object. */
public final class StableStorage {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    public void put(String key, Object value) {
        entries.put(key, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) entries.get(key);
    }

    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    public Map<String, Object> view() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    StableStorage copy() {
        StableStorage copy = new StableStorage();
        copy.entries.putAll(entries);
        return copy;
    }
}
