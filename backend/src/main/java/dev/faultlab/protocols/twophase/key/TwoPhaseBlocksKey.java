package dev.faultlab.protocols.twophase.key;

import dev.faultlab.check.Explorer;
import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.twophase.Blocking;
import dev.faultlab.protocols.twophase.BlockingReport;
import dev.faultlab.protocols.twophase.TwoPhaseCommit;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code twophase.blocks}: the run ends with a participant that is up, in READY, and cannot learn the
 * decision (the seed's blocking case). The search crashes one process at each instant of the first
 * {@link #HORIZON} ticks, the coordinator (by its role in the reference run) first.
 */
final class TwoPhaseBlocksKey implements PropertyKey {
    static final String NAME = "twophase.blocks";
    static final String PROPERTY = "blocks";
    private static final int HORIZON = 100;

    private static final Spec SPEC = new Spec(NAME, TwoPhaseCommit.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        BlockingReport report = Blocking.check(run);
        return report.isBlocked()
                ? Verdict.holds(PROPERTY, report.explanation())
                : Verdict.violated(PROPERTY, "The protocol did not block: " + report.explanation() + ".", List.of());
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.CRASH.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        int coordinator = reference.run().roles().indexOf(TwoPhaseCommit.COORDINATOR);
        int nodes = reference.run().nodeCount();
        Stream<Integer> victims = Stream.concat(Stream.of(coordinator),
                IntStream.range(0, nodes).filter(n -> n != coordinator).boxed());
        Stream<Recipe> candidates = victims.flatMap(victim -> IntStream.range(0, HORIZON)
                .mapToObj(t -> scenario.withFault(Fault.at(t, FaultKind.CRASH, victim))));
        return Explorer.search(reference.registry(), candidates, run -> {
                    Verdict blocks = check(run, reference.registry(), args);
                    return blocks.holds() ? Verdict.violated(PROPERTY, blocks.explanation(), List.of()) : Verdict.holds(PROPERTY, "");
                })
                .map(found -> found.recipe().faults().subList(scenario.faults().size(), found.recipe().faults().size()));
    }
}
