package dev.faultlab.protocols.raft;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A server's log as an immutable value, so it can sit in stable storage and in messages: versions share
 * one backing array, appending to the newest version writes in place (O(1)), and a version never sees
 * what is appended after it. Appending to an older version (after a truncation) copies its prefix.
 * Log indices count from 1, as in the lecture; as a {@link List} it is indexed from 0.
 */
public final class RaftLog extends AbstractList<Entry> implements RandomAccess {
    private static final RaftLog EMPTY = new RaftLog(new Backing(new Entry[0]), 0);

    /** Shared by versions; {@code used} is how far any version has written. */
    private static final class Backing {
        private Entry[] entries;
        private int used;

        Backing(Entry[] entries) {
            this.entries = entries;
        }
    }

    private final Backing backing;
    private final int size;

    private RaftLog(Backing backing, int size) {
        this.backing = backing;
        this.size = size;
    }

    public static RaftLog empty() {
        return EMPTY;
    }

    public static RaftLog of(List<Entry> entries) {
        RaftLog log = EMPTY;
        for (Entry entry : entries) {
            log = log.append(entry);
        }
        return log;
    }

    @Override
    public Entry get(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of a log of " + size);
        }
        return backing.entries[position];
    }

    @Override
    public int size() {
        return size;
    }

    public int lastIndex() {
        return size;
    }

    public int lastTerm() {
        return termAt(size);
    }

    /** The term of the entry at {@code index} (from 1); 0 for index 0, the empty prefix every log shares. */
    public int termAt(int index) {
        return index == 0 ? 0 : entry(index).term();
    }

    public Entry entry(int index) {
        return get(index - 1);
    }

    /** This log with {@code entry} at index {@link #lastIndex()} + 1. */
    public RaftLog append(Entry entry) {
        if (entry.index() != size + 1) {
            throw new IllegalArgumentException("entry " + entry + " does not follow a log of " + size);
        }
        Backing target = backing;
        if (backing.used != size) {
            // A newer version already wrote past us: copy our prefix so it keeps what it has.
            target = new Backing(Arrays.copyOf(backing.entries, Math.max(4, size * 2)));
            target.used = size;
        } else if (size == backing.entries.length) {
            backing.entries = Arrays.copyOf(backing.entries, Math.max(4, size * 2));
        }
        target.entries[size] = entry;
        target.used = size + 1;
        return new RaftLog(target, size + 1);
    }

    /** The first {@code lastKept} entries. */
    public RaftLog truncate(int lastKept) {
        return lastKept == size ? this : new RaftLog(backing, lastKept);
    }

    /** Entries {@code from} to {@code to}, indices from 1 and both included; an unmodifiable view, never copied. */
    public List<Entry> slice(int from, int to) {
        return from > to ? List.of() : subList(from - 1, to);
    }

    /** Whether this log holds exactly {@code entry} at its index. */
    public boolean holds(Entry entry) {
        return entry.index() <= size && entry(entry.index()).equals(entry);
    }
}
