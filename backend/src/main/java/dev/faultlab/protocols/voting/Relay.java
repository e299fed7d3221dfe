package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * One round of the replicas' agreement: for each chain of relays ({@code path}, origin first, sender left out),
 * the value the sender heard along it. In the first round the path is empty and the value the sender's own result.
 */
public record Relay(List<Entry> entries) implements Message {
    public record Entry(List<Integer> path, Integer value) {
        public Entry {
            path = List.copyOf(path);
        }
    }

    public Relay {
        entries = List.copyOf(entries);
    }

    @Override
    public String type() {
        return "RELAY";
    }
}
