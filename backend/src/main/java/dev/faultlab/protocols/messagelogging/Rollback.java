package dev.faultlab.protocols.messagelogging;

/**
 * What a recovery or a rollback of {@code process} announces: its incarnation {@code incarnation} survives only up
 * to interval {@code kept}; the intervals after it are lost, and so is everything that depends on them.
 */
public record Rollback(int process, int incarnation, int kept) {
    /** True if a state that depends on {@code interval} of this rollback's process depends on a lost interval. */
    public boolean loses(Interval interval) {
        return interval.incarnation() == incarnation && interval.count() > kept;
    }

    @Override
    public String toString() {
        return "P" + (process + 1) + " incarnation " + incarnation + " kept up to interval " + kept;
    }
}
