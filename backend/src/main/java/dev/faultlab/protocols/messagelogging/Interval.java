package dev.faultlab.protocols.messagelogging;

/**
 * A state interval of one process: the {@code count}-th interval of its {@code incarnation}. The interval a process
 * is in counts the messages it has delivered (the piecewise deterministic model: each delivery starts a new
 * interval); a recovery or a rollback starts a new incarnation, so an interval number never means two states.
 */
public record Interval(int incarnation, int count) {
    public static final Interval START = new Interval(0, 0);

    /** The later of two intervals of the same process: a newer incarnation supersedes every older one. */
    public Interval max(Interval other) {
        if (incarnation != other.incarnation) {
            return incarnation > other.incarnation ? this : other;
        }
        return count >= other.count ? this : other;
    }

    @Override
    public String toString() {
        return incarnation + "." + count;
    }
}
