package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.ProcessLabel;

import java.util.Comparator;

/** A multicast message's name: the {@code number}-th message {@code origin} multicast (from 1), e.g. P1#2. */
public record MessageId(int origin, int number) implements Comparable<MessageId> {
    private static final Comparator<MessageId> ORDER = Comparator.comparingInt(MessageId::origin).thenComparingInt(MessageId::number);

    public String label() {
        return ProcessLabel.of(origin) + "#" + number;
    }

    @Override
    public int compareTo(MessageId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return label();
    }
}
