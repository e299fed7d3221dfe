package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Message;

import java.util.List;

/** An answer to a {@link Recovered} from a process that knows of rollbacks the announcer did not list. */
public record KnownRollbacks(List<Rollback> known) implements Message {
    public KnownRollbacks {
        known = List.copyOf(known);
    }

    @Override
    public String type() {
        return "ROLLBACKS";
    }
}
