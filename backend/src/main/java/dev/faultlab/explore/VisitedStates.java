package dev.faultlab.explore;

/**
 * The fingerprints of the states a search has seen: an open-addressing set of 64-bit hashes, 16 bytes or less per
 * state at its fullest, so millions of states fit where a set of objects would not. Two distinct states that hash
 * alike would count as one (with 64-bit hashes, about one chance in 10^7 over a million states).
 */
final class VisitedStates {
    private long[] table = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds the fingerprint; false if it was there already. */
    boolean add(long fingerprint) {
        if (fingerprint == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (!insert(table, fingerprint)) {
            return false;
        }
        size++;
        return true;
    }

    long size() {
        return size + (hasZero ? 1 : 0);
    }

    /** Bytes the table takes now. */
    long bytes() {
        return (long) table.length * Long.BYTES;
    }

    private static boolean insert(long[] into, long fingerprint) {
        int mask = into.length - 1;
        int i = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (into[i] != 0) {
            if (into[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
        into[i] = fingerprint;
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long fingerprint : table) {
            if (fingerprint != 0) {
                insert(bigger, fingerprint);
            }
        }
        table = bigger;
    }
}
