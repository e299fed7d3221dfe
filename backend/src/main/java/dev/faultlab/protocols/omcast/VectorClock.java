package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.ProcessLabel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A vector timestamp: entry k counts the multicasts of member k this process has delivered (its own entry: the
 * multicasts it issued). Immutable: a process replaces its clock, so a message keeps the stamp it was sent with.
 */
public record VectorClock(List<Integer> entries) {
    public VectorClock {
        entries = List.copyOf(entries);
    }

    public static VectorClock zero(int members) {
        return new VectorClock(Collections.nCopies(members, 0));
    }

    public int get(int member) {
        return entries.get(member);
    }

    /** This clock with entry {@code member} one higher. */
    public VectorClock tick(int member) {
        return with(member, entries.get(member) + 1);
    }

    public VectorClock with(int member, int value) {
        List<Integer> next = new ArrayList<>(entries);
        next.set(member, value);
        return new VectorClock(next);
    }

    /**
     * The causal delivery condition for a message from {@code origin} stamped {@code stamp}, at a process whose
     * clock this is: it is the next message of its origin, and everything its origin had delivered before
     * multicasting it has been delivered here.
     */
    public boolean admits(int origin, VectorClock stamp) {
        for (int k = 0; k < entries.size(); k++) {
            int limit = k == origin ? entries.get(k) + 1 : entries.get(k);
            if (k == origin ? stamp.get(k) != limit : stamp.get(k) > limit) {
                return false;
            }
        }
        return true;
    }

    /** The entries the stamp has that this clock has not delivered yet, as "P1 needs 1" phrases. */
    public String missing(int origin, VectorClock stamp) {
        List<String> gaps = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            int needed = k == origin ? stamp.get(k) - 1 : stamp.get(k);
            if (needed > entries.get(k)) {
                gaps.add(ProcessLabel.of(k) + "'s multicast " + needed);
            }
        }
        return String.join(", ", gaps);
    }

    /** As the lecture writes it: (0,1,1). */
    public String label() {
        return entries.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }

    @Override
    public String toString() {
        return label();
    }
}
