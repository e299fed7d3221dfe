package dev.faultlab.protocols.raft.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.raft.RaftMonitors;
import dev.faultlab.protocols.raft.ServerSnapshot;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code raft.two-leaders}: fault-plan property: at some moment two servers both act as leader, of different
 * terms, and still every safety monitor holds, so nothing committed is lost. The search cuts one server off
 * alone with a partition at each {@link #STEP}-th tick of the run's first half, lowest ids first.
 */
final class RaftTwoLeadersKey implements PropertyKey {
    static final String NAME = "raft.two-leaders";
    static final String PROPERTY = "two leaders, nothing lost";
    private static final int STEP = 10;

    private static final Spec SPEC = new Spec(NAME, Raft.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        RaftMonitors.Watched watched = RaftMonitors.watch(run.recipe(), registry);
        Optional<Verdict> broken = watched.firstViolation();
        if (broken.isPresent()) {
            return Verdict.violated(PROPERTY, "Safety broke: " + broken.get().explanation() + ".", broken.get().witnesses());
        }
        if (!watched.twoLeaders().holds()) {
            return Verdict.violated(PROPERTY, "There were never two leaders of different terms at the same time.", List.of());
        }
        return Verdict.holds(PROPERTY, "Two leaders at once: " + watched.twoLeaders().explanation() + ". Nothing committed was lost: "
                + watched.safety().stream().map(Verdict::explanation).collect(Collectors.joining("; ")) + ".");
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.PARTITION.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        // Cut off whoever leads at each moment of the run's first half: the rest elect a newer leader.
        Recipe scenario = reference.run().recipe();
        for (long at = STEP; at <= Raft.runFor(scenario) / 2; at += STEP) {
            RaftServers.Moment moment = RaftServers.firstAtOrAfter(reference, at);
            Optional<Integer> leader = moment.servers().stream().filter(ServerSnapshot::leader).map(ServerSnapshot::id).findFirst();
            if (leader.isEmpty()) {
                continue;
            }
            // Later than the leader was seen, so the fault lands after the event that showed it.
            List<Fault> plan = List.of(Fault.network(moment.time() + 1, FaultKind.PARTITION,
                    Map.of("groups", List.of(List.of(leader.get())))));
            List<Fault> all = new ArrayList<>(scenario.faults());
            all.addAll(plan);
            if (check(Simulation.start(scenario.withFaults(all), reference.registry()), reference.registry(), args).holds()) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }
}
