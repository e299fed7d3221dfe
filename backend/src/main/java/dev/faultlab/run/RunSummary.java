package dev.faultlab.run;

import dev.faultlab.sim.EndReason;

import java.util.List;
import java.util.UUID;

/** Where a live run stands; {@code roles} names each process's role by id, for the topology. */
public record RunSummary(UUID id, String protocol, int nodes, boolean roundBased, int rounds, RunStatus status,
                         double speed, int eventCount, long time, int round, EndReason endReason,
                         UUID parentRunId, Long branchedAtEvent, List<String> roles) {
}
