package dev.faultlab.protocols.cap;

/**
 * Which write a replica's value comes from: the writes' count as its coordinator saw it, ties broken by the
 * coordinator's id, so every two writes are ordered the same way at every replica. (0, -1) is the initial value.
 */
public record Version(long counter, int writer) implements Comparable<Version> {
    public static final Version INITIAL = new Version(0, -1);

    @Override
    public int compareTo(Version other) {
        return counter != other.counter ? Long.compare(counter, other.counter) : Integer.compare(writer, other.writer);
    }

    public boolean newerThan(Version other) {
        return compareTo(other) > 0;
    }

    /** The version of a new write by {@code writer} after this one. */
    public Version next(int writer) {
        return new Version(counter + 1, writer);
    }

    @Override
    public String toString() {
        return writer < 0 ? "initial" : counter + "@P" + (writer + 1);
    }
}
