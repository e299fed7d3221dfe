package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * Broadcast at the end of a recovery or a rollback: the sender's intervals after {@code rollback.kept()} are lost
 * (every process depending on them is an orphan), with the rollbacks it knows of, so a process that was down when
 * others were announced learns of them.
 */
public record Recovered(Rollback rollback, List<Rollback> known) implements Message {
    public Recovered {
        known = List.copyOf(known);
    }

    @Override
    public String toString() {
        return rollback + " (knows " + known.size() + " rollback" + (known.size() == 1 ? "" : "s") + ")";
    }

    @Override
    public String type() {
        return "ROLLBACK";
    }
}
