package dev.faultlab.run;

import dev.faultlab.sim.EndReason;

import java.util.UUID;

/** Where a live run stands. */
public record RunSummary(UUID id, String protocol, int nodes, boolean roundBased, int rounds, RunStatus status,
                         double speed, int eventCount, long time, int round, EndReason endReason,
                         UUID parentRunId, Long branchedAtEvent) {
}
