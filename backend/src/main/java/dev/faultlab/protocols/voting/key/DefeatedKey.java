package dev.faultlab.protocols.voting.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.voting.Voting;
import dev.faultlab.protocols.voting.VotingConfig;
import dev.faultlab.protocols.voting.VotingStates;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code voting.defeated}: fault-plan property: the client accepts a wrong value (not merely none). The search
 * gives the replicas that are still loyal in the scenario, lowest first, the {@code wrong-value} behaviour, one more
 * at a time, up to the plan's size.
 */
final class DefeatedKey implements PropertyKey {
    static final String NAME = "voting.defeated";
    static final String PROPERTY = "the voter is defeated";
    private static final Spec SPEC = new Spec(NAME, Voting.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        TraceEvent accepted = VotingRuns.accepted(run);
        if (run.trace().events().stream().noneMatch(e -> e.payload() instanceof dev.faultlab.protocols.voting.ServiceRequest)) {
            return Verdict.violated(PROPERTY, "The client sent no request: a client that fails shares its voter's fate.", List.of());
        }
        String correct = Integer.toString(VotingConfig.service(VotingRuns.input(run)));
        if (accepted == null || VotingStates.NONE.equals(accepted.payload())) {
            return Verdict.violated(PROPERTY, "The client accepted no result: the voter was not fooled, it only found no majority.",
                    accepted == null ? List.of() : List.of(accepted.seq()));
        }
        if (String.valueOf(accepted.payload()).equals(correct)) {
            return Verdict.violated(PROPERTY, "The client accepted " + accepted.payload() + ", the correct result: the group masked the faults.",
                    List.of(accepted.seq()));
        }
        return Verdict.holds(PROPERTY, "The client accepted " + accepted.payload() + " but a correct replica computes " + correct + ".");
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.BYZANTINE.name())) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        List<Integer> loyal = new ArrayList<>();
        for (int node = 0; node < VotingRuns.client(reference.run()); node++) {
            int id = node;
            if (reference.run().roles().get(node).equals(VotingStates.REPLICA) && scenario.faults().stream().noneMatch(f -> Integer.valueOf(id).equals(f.target()))) {
                loyal.add(node);
            }
        }
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < Math.min(maxFaults, loyal.size()); i++) {
            plan.add(Fault.at(0, FaultKind.BYZANTINE, loyal.get(i), Map.of("behaviour", "wrong-value")));
            List<Fault> all = new ArrayList<>(scenario.faults());
            all.addAll(plan);
            Simulation run = Simulation.start(scenario.withFaults(all), reference.registry());
            run.runToEnd();
            if (check(run, reference.registry(), args).holds()) {
                return Optional.of(List.copyOf(plan));
            }
        }
        return Optional.empty();
    }
}
