package dev.faultlab.sim;

import java.util.Arrays;

/**
 * The run's one event queue: a binary heap ordered by (time, insertion order), with the keys in primitive
 * arrays so the hot path compares longs instead of calling a comparator. Insertion order breaks ties,
 * which makes events at the same instant run in the order they were scheduled.
 */
final class EventQueue<T> {
    private long[] time = new long[64];
    private long[] order = new long[64];
    private Object[] items = new Object[64];
    private int size;
    private long nextOrder;

    void add(long at, T item) {
        if (size == items.length) {
            time = Arrays.copyOf(time, size * 2);
            order = Arrays.copyOf(order, size * 2);
            items = Arrays.copyOf(items, size * 2);
        }
        long seq = nextOrder++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(at, seq, time[parent], order[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, at, seq, item);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the next item; only valid when the queue is not empty. */
    long peekTime() {
        return time[0];
    }

    @SuppressWarnings("unchecked")
    T poll() {
        if (size == 0) {
            return null;
        }
        T first = (T) items[0];
        int last = --size;
        long lastTime = time[last];
        long lastOrder = order[last];
        Object lastItem = items[last];
        items[last] = null;
        if (last > 0) {
            set(siftDown(0, lastTime, lastOrder, last), lastTime, lastOrder, lastItem);
        }
        return first;
    }

    /** Moves smaller children up from position {@code i} until (at, seq) fits there, among the first {@code limit}. */
    private int siftDown(int i, long at, long seq, int limit) {
        while (2 * i + 1 < limit) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < limit && before(time[right], order[right], time[child], order[child])) {
                child = right;
            }
            if (!before(time[child], order[child], at, seq)) {
                break;
            }
            move(child, i);
            i = child;
        }
        return i;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T itemAt(int heapIndex) {
        return (T) items[heapIndex];
    }

    long timeAt(int heapIndex) {
        return time[heapIndex];
    }

    /** Heap positions of every item, in the order the queue would hand them out: (time, insertion order). */
    Integer[] inOrder() {
        Integer[] positions = new Integer[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        java.util.Arrays.sort(positions, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Long.compare(order[a], order[b]));
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
                int c = candidates[i];
                int b = candidates[best];
                if (before(time[c], order[c], time[b], order[b])) {
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
        T removed = (T) items[heapIndex];
        int last = --size;
        if (heapIndex != last) {
            long lastTime = time[last];
            long lastOrder = order[last];
            Object lastItem = items[last];
            items[last] = null;
            int i = heapIndex;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!before(lastTime, lastOrder, time[parent], order[parent])) {
                    break;
                }
                move(parent, i);
                i = parent;
            }
            if (i == heapIndex) {
                i = siftDown(i, lastTime, lastOrder, last);
            }
            set(i, lastTime, lastOrder, lastItem);
        } else {
            items[last] = null;
        }
        return removed;
    }

    private static boolean before(long t1, long o1, long t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void move(int from, int to) {
        time[to] = time[from];
        order[to] = order[from];
        items[to] = items[from];
    }

    private void set(int i, long at, long seq, Object item) {
        time[i] = at;
        order[i] = seq;
        items[i] = item;
    }
}
