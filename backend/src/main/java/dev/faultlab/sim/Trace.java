package dev.faultlab.sim;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only event log of a run, stored column by column in primitive arrays: a long run has
 * millions of events and a record per event would cost several times the memory. Payloads are
 * references to the protocol's immutable messages, shared between a send and its deliveries.
 */
public final class Trace {
    /** Approximate bytes one event occupies here, used for the trace-size budget. */
    public static final int BYTES_PER_EVENT = 8 + 1 + 7 * 4 + 8;
    private static final EventKind[] KINDS = EventKind.values();

    private int size;
    private long[] time = new long[256];
    private byte[] kind = new byte[256];
    private int[] node = new int[256];
    private int[] peer = new int[256];
    private int[] message = new int[256];
    private int[] parent = new int[256];
    private int[] lamport = new int[256];
    private int[] round = new int[256];
    private Object[] payload = new Object[256];
    private String[] detail = new String[256];

    int append(long t, EventKind k, int n, int p, int msg, int par, int lc, int r, Object data, String why) {
        if (size == time.length) {
            grow();
        }
        int seq = size++;
        time[seq] = t;
        kind[seq] = (byte) k.ordinal();
        node[seq] = n;
        peer[seq] = p;
        message[seq] = msg;
        parent[seq] = par;
        lamport[seq] = lc;
        round[seq] = r;
        payload[seq] = data;
        detail[seq] = why;
        return seq;
    }

    private void grow() {
        int capacity = time.length * 2;
        time = Arrays.copyOf(time, capacity);
        kind = Arrays.copyOf(kind, capacity);
        node = Arrays.copyOf(node, capacity);
        peer = Arrays.copyOf(peer, capacity);
        message = Arrays.copyOf(message, capacity);
        parent = Arrays.copyOf(parent, capacity);
        lamport = Arrays.copyOf(lamport, capacity);
        round = Arrays.copyOf(round, capacity);
        payload = Arrays.copyOf(payload, capacity);
        detail = Arrays.copyOf(detail, capacity);
    }

    public int size() {
        return size;
    }

    public TraceEvent event(int seq) {
        if (seq < 0 || seq >= size) {
            throw new IndexOutOfBoundsException("event " + seq + " does not exist; the trace has " + size + " events");
        }
        return new TraceEvent(seq, time[seq], KINDS[kind[seq]], node[seq], peer[seq], message[seq], parent[seq],
                lamport[seq], round[seq], payload[seq], detail[seq]);
    }

    public EventKind kind(int seq) {
        return KINDS[kind[seq]];
    }

    public int node(int seq) {
        return node[seq];
    }

    public long time(int seq) {
        return time[seq];
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) as records, made on access. */
    public List<TraceEvent> events(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("events " + from + ".." + to + " outside 0.." + size);
        }
        return new AbstractList<>() {
            @Override
            public TraceEvent get(int index) {
                return event(from + index);
            }

            @Override
            public int size() {
                return to - from;
            }
        };
    }

    public List<TraceEvent> events() {
        return events(0, size);
    }

    /** Bytes this trace holds in its arrays, for the trace-size budget. */
    public long approximateBytes() {
        return (long) size * BYTES_PER_EVENT;
    }
}
