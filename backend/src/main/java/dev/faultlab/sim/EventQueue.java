package dev.faultlab.sim;

import java.util.Arrays;

/**
 * The run's one event queue: a binary heap of entries ordered by (time, insertion order). Insertion order breaks
 * ties, which makes events at the same instant run in the order they were scheduled. The keys live in the
 * entries, so moving one in the heap moves one reference (measured faster than keeping them in primitive arrays
 * beside it, which moves three values per step).
 */
final class EventQueue<T extends EventQueue.Entry> {
    private Entry[] heap = new Entry[64];
    private int size;
    private long nextOrder;

    /** Something due at a time; the queue numbers entries as they are added. */
    abstract static class Entry {
        final long time;
        /** Set by the queue when the entry is added. */
        long order;

        Entry(long time) {
            this.time = time;
        }
    }

    void add(T entry) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        entry.order = nextOrder++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Entry above = heap[parent];
            if (!before(entry, above)) {
                break;
            }
            heap[i] = above;
            i = parent;
        }
        heap[i] = entry;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    T poll() {
        if (size == 0) {
            return null;
        }
        T first = (T) heap[0];
        int last = --size;
        Entry moved = heap[last];
        heap[last] = null;
        if (last > 0) {
            heap[siftDown(0, moved, last)] = moved;
        }
        return first;
    }

    /** Moves smaller children up from position {@code i} until {@code entry} fits there, among the first {@code limit}. */
    private int siftDown(int i, Entry entry, int limit) {
        int half = limit >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Entry smaller = heap[child];
            int right = child + 1;
            if (right < limit && before(heap[right], smaller)) {
                child = right;
                smaller = heap[right];
            }
            if (!before(smaller, entry)) {
                break;
            }
            heap[i] = smaller;
            i = child;
        }
        return i;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T itemAt(int heapIndex) {
        return (T) heap[heapIndex];
    }

    /** Heap positions of every item, in the order the queue would hand them out: (time, insertion order). */
    Integer[] inOrder() {
        Integer[] positions = new Integer[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        Arrays.sort(positions, (a, b) -> before(heap[a], heap[b]) ? -1 : before(heap[b], heap[a]) ? 1 : 0);
        return positions;
    }

    /**
     * Heap position of the item of this rank in the order the queue would hand them out (0: the next one), found by
     * walking the heap from its top for a small rank and by sorting for a large one.
     */
    int positionOfRank(int rank) {
        if (rank == 0) {
            return 0;
        }
        if (rank > 32) {
            return inOrder()[rank];
        }
        // Each item taken from the candidates adds at most its two children, so rank + 2 slots suffice.
        int[] candidates = new int[rank + 2];
        int count = 1;
        for (int taken = 0; ; taken++) {
            int best = 0;
            for (int i = 1; i < count; i++) {
                if (before(heap[candidates[i]], heap[candidates[best]])) {
                    best = i;
                }
            }
            int position = candidates[best];
            if (taken == rank) {
                return position;
            }
            candidates[best] = candidates[--count];
            int child = 2 * position + 1;
            if (child < size) {
                candidates[count++] = child;
            }
            if (child + 1 < size) {
                candidates[count++] = child + 1;
            }
        }
    }

    /** Takes out the item at a heap position (from {@link #inOrder()}), keeping the heap in order. */
    @SuppressWarnings("unchecked")
    T removeAt(int heapIndex) {
        T removed = (T) heap[heapIndex];
        int last = --size;
        Entry moved = heap[last];
        heap[last] = null;
        if (heapIndex != last) {
            int i = heapIndex;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                Entry above = heap[parent];
                if (!before(moved, above)) {
                    break;
                }
                heap[i] = above;
                i = parent;
            }
            if (i == heapIndex) {
                i = siftDown(i, moved, last);
            }
            heap[i] = moved;
        }
        return removed;
    }

    private static boolean before(Entry a, Entry b) {
        return a.time < b.time || (a.time == b.time && a.order < b.order);
    }
}
