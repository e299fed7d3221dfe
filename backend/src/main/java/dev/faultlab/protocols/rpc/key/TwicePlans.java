package dev.faultlab.protocols.rpc.key;

import dev.faultlab.check.Explorer;
import dev.faultlab.check.Verdict;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.rpc.CrashRuns;
import dev.faultlab.protocols.rpc.RpcConfig;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The search behind the challenges, to show they can be met: the server loses what it sends for a few ticks from
 * each instant of the first {@link #HORIZON} ticks (a lost completion message), then the server crashes at each
 * instant and recovers (a crash after the work).
 */
final class TwicePlans {
    static final int HORIZON = 60;
    private static final int SILENCE = 3;

    private TwicePlans() {
    }

    static Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Function<Simulation, Verdict> meets) {
        Recipe scenario = reference.run().recipe();
        Stream<Recipe> omissions = kinds.contains(FaultKind.SEND_OMISSION.name()) && maxFaults >= 1
                ? IntStream.range(0, HORIZON).mapToObj(t -> scenario.withFault(Fault.at(t, FaultKind.SEND_OMISSION,
                RpcConfig.SERVER, Map.of("duration", SILENCE))))
                : Stream.empty();
        Stream<Recipe> crashes = kinds.contains(FaultKind.CRASH.name()) && kinds.contains(FaultKind.RECOVER.name()) && maxFaults >= 2
                ? IntStream.range(0, HORIZON).mapToObj(t -> scenario.withFault(Fault.at(t, FaultKind.CRASH, RpcConfig.SERVER))
                .withFault(Fault.at(t + CrashRuns.DOWNTIME, FaultKind.RECOVER, RpcConfig.SERVER)))
                : Stream.empty();
        return Explorer.search(reference.registry(), Stream.concat(omissions, crashes), run -> {
                    Verdict verdict = meets.apply(run);
                    return verdict.holds() ? Verdict.violated(verdict.property(), verdict.explanation(), List.of())
                            : Verdict.holds(verdict.property(), "");
                })
                .map(found -> found.recipe().faults().subList(scenario.faults().size(), found.recipe().faults().size()));
    }
}
