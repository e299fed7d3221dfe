package dev.faultlab.protocols.flooding;

import dev.faultlab.sim.Message;

import java.util.SortedSet;

/** "These are the values I know": what every process floods each round. */
public record Known(SortedSet<Integer> values) implements Message {
}
