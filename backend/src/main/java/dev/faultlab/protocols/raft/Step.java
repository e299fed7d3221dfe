package dev.faultlab.protocols.raft;

import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * What a monitor is fed after each step of a run: the events the step added and every server as it is now.
 *
 * @param seq  the last event of the step, the witness a monitor names
 * @param time virtual time after the step
 */
public record Step(int seq, long time, List<TraceEvent> events, List<ServerSnapshot> servers) {
}
