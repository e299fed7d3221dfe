package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Message;

import java.util.List;

/** A backup that took over tells the servers after it that it is the primary now, with its history for them to adopt. */
public record TakeOver(List<Update> history) implements Message {
    public TakeOver {
        history = List.copyOf(history);
    }
}
