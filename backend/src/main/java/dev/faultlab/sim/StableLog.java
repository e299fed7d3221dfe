package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only log in a node's stable storage ({@link StableStorage#log(String)}): it survives crashes, and
 * appending stores the one entry without copying the log. Entries should be immutable records. Indexes count
 * from 0. {@link #truncate(int)} drops a suffix, as a replicated log does when a leader overrides conflicting
 * entries.
 */
public final class StableLog<T> {
    private final ArrayList<T> entries = new ArrayList<>();
    private final List<T> readOnly = Collections.unmodifiableList(entries);

    public void append(T entry) {
        entries.add(entry);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entry at {@code index} (from 0). */
    public T get(int index) {
        return entries.get(index);
    }

    /** The last entry, or null if the log is empty. */
    public T last() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }

    /** Keeps the first {@code size} entries and drops the rest. */
    public void truncate(int size) {
        if (size < 0 || size > entries.size()) {
            throw new IndexOutOfBoundsException("cannot truncate a log of " + entries.size() + " entries to " + size);
        }
        entries.subList(size, entries.size()).clear();
    }

    /** A read-only view of the entries (not a copy: it follows later appends). */
    public List<T> entries() {
        return readOnly;
    }
}
