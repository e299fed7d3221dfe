package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.ProcessLabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Messages this member sent and must see acknowledged: the sender's history buffer in the positive schemes, a
 * coordinator's for its group, a re-multicasting receiver's for the others. An entry leaves once every member it
 * waits for acknowledged it; until then the member retransmits to those after each timeout.
 */
final class Pending {
    static final class Entry {
        private final Data data;
        private final TreeSet<Integer> waitingFor = new TreeSet<>();
        /** When it last went out to those it waits for. */
        private long sentAt;

        Entry(Data data, long sentAt) {
            this.data = data;
            this.sentAt = sentAt;
        }

        Data data() {
            return data;
        }

        TreeSet<Integer> waitingFor() {
            return waitingFor;
        }
    }

    /** By (origin, seq), so retransmissions go out in a fixed order. */
    private final TreeMap<Long, Entry> entries = new TreeMap<>();

    private static long key(int origin, int seq) {
        return ((long) origin << 32) | seq;
    }

    /** Each entry with whom it waits for and when it last went out (which decides when it is due), for the fingerprint. */
    Object fingerprint() {
        List<Object> fingerprint = new ArrayList<>();
        entries.values().forEach(entry -> fingerprint.add(Arrays.asList(entry.data, List.copyOf(entry.waitingFor), entry.sentAt)));
        return fingerprint;
    }

    void add(Data data, Collection<Integer> to, long now) {
        if (!to.isEmpty()) {
            entries.computeIfAbsent(key(data.origin(), data.seq()), k -> new Entry(data, now)).waitingFor().addAll(to);
        }
    }

    /** The entries that went out {@code timeout} ticks ago or more without every acknowledgement, now sent again. */
    List<Entry> due(long now, long timeout) {
        List<Entry> due = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (now - entry.sentAt >= timeout) {
                entry.sentAt = now;
                due.add(entry);
            }
        }
        return due;
    }

    /** Ticks from {@code now} until the oldest entry's timeout ends. */
    long untilNextDue(long now, long timeout) {
        long oldest = entries.values().stream().mapToLong(e -> e.sentAt).min().orElse(now);
        return Math.max(1, oldest + timeout - now);
    }

    /** {@code from} acknowledged message {@code seq} of {@code origin}. */
    void acked(int origin, int seq, int from) {
        long key = key(origin, seq);
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.waitingFor().remove(from);
            if (entry.waitingFor().isEmpty()) {
                entries.remove(key);
            }
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    static String names(Collection<Integer> nodes) {
        return String.join(", ", nodes.stream().map(ProcessLabel::of).toList());
    }
}
