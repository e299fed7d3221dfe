package dev.faultlab.protocols.raft;

import java.util.List;

/** Reading a Raft log held as a list of entries: log indices count from 1, as in the lecture. */
public final class Logs {
    private Logs() {
    }

    /** The term of the entry at {@code index}; 0 for index 0, the empty prefix every log shares. */
    public static int termAt(List<Entry> log, int index) {
        return index == 0 ? 0 : log.get(index - 1).term();
    }

    public static int lastTerm(List<Entry> log) {
        return termAt(log, log.size());
    }

    public static Entry entry(List<Entry> log, int index) {
        return log.get(index - 1);
    }

    /** Whether the log holds exactly {@code entry} at its index. */
    public static boolean holds(List<Entry> log, Entry entry) {
        return entry.index() <= log.size() && entry(log, entry.index()).equals(entry);
    }
}
