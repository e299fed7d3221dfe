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
    /**
     * Bytes one event occupies here (time, kind, five int columns, two references with compressed oops),
     * used for the trace-size budget. Chunks are filled one after another, so at most one chunk is unused.
     */
    public static final int BYTES_PER_EVENT = 8 + 1 + 6 * 4 + 2 * 4;
    private static final EventKind[] KINDS = EventKind.values();
    /**
     * Events per chunk: growing never copies what is already stored, and waste stays below one chunk
     * (about 40 KB), which keeps a short run that sits idle on the server small.
     */
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    /** Events written by the kernel. */
    private int size;
    /** Events shown: the kernel runs a handler whole, the run shows its events one at a time. */
    private int visible;
    private Chunk[] chunks = new Chunk[16];

    /** One slice of the columns. */
    private static final class Chunk {
        final long[] time = new long[CHUNK];
        final byte[] kind = new byte[CHUNK];
        final int[] node = new int[CHUNK];
        final int[] peer = new int[CHUNK];
        final int[] message = new int[CHUNK];
        final int[] parent = new int[CHUNK];
        final int[] lamport = new int[CHUNK];
        final int[] round = new int[CHUNK];
        final Object[] payload = new Object[CHUNK];
        final String[] detail = new String[CHUNK];
    }

    int append(long t, EventKind k, int n, int p, int msg, int par, int lc, int r, Object data, String why) {
        int seq = size;
        int index = seq >>> CHUNK_BITS;
        if (index == chunks.length) {
            chunks = Arrays.copyOf(chunks, index * 2);
        }
        Chunk c = chunks[index];
        if (c == null) {
            c = new Chunk();
            chunks[index] = c;
        }
        int i = seq & MASK;
        c.time[i] = t;
        c.kind[i] = (byte) k.ordinal();
        c.node[i] = n;
        c.peer[i] = p;
        c.message[i] = msg;
        c.parent[i] = par;
        c.lamport[i] = lc;
        c.round[i] = r;
        c.payload[i] = data;
        // A chunk's columns start empty and are written once, so most events (which have no detail) skip the store.
        if (why != null) {
            c.detail[i] = why;
        }
        size = seq + 1;
        return seq;
    }

    /** The events the run has reached (shown); the kernel may have written a few more of the current handler. */
    public int size() {
        return visible;
    }

    int written() {
        return size;
    }

    /** Shows the events up to {@code count} (at most what is written). */
    void reveal(int count) {
        visible = Math.max(visible, Math.min(count, size));
    }

    public TraceEvent event(int seq) {
        if (seq < 0 || seq >= visible) {
            throw new IndexOutOfBoundsException("event " + seq + " does not exist; the trace has " + visible + " events");
        }
        return read(seq);
    }

    /** An event the kernel wrote, shown or not yet: the monitors read each as it is written. */
    TraceEvent writtenEvent(int seq) {
        if (seq < 0 || seq >= size) {
            throw new IndexOutOfBoundsException("event " + seq + " was not written; the kernel wrote " + size + " events");
        }
        return read(seq);
    }

    private TraceEvent read(int seq) {
        Chunk c = chunks[seq >>> CHUNK_BITS];
        int i = seq & MASK;
        return new TraceEvent(seq, c.time[i], KINDS[c.kind[i]], c.node[i], c.peer[i], c.message[i], c.parent[i],
                c.lamport[i], c.round[i], c.payload[i], c.detail[i]);
    }

    public EventKind kind(int seq) {
        return KINDS[chunks[seq >>> CHUNK_BITS].kind[seq & MASK]];
    }

    public int node(int seq) {
        return chunks[seq >>> CHUNK_BITS].node[seq & MASK];
    }

    public long time(int seq) {
        return chunks[seq >>> CHUNK_BITS].time[seq & MASK];
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) as records, made on access. */
    public List<TraceEvent> events(int from, int to) {
        if (from < 0 || to > visible || from > to) {
            throw new IndexOutOfBoundsException("events " + from + ".." + to + " outside 0.." + visible);
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
        return events(0, visible);
    }

    /** Bytes this trace holds in its arrays, for the trace-size budget. */
    public long approximateBytes() {
        return (long) size * BYTES_PER_EVENT;
    }
}
