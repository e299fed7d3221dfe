package dev.faultlab.protocols.paxos.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.Args;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.paxos.CompetingLeaders;
import dev.faultlab.protocols.paxos.PaxosMonitors;
import dev.faultlab.protocols.paxos.SlidesPaxos;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code paxos.competing-leaders {leaderIds}}: fault-plan property, judged on the student's plan run with the
 * {@code leaderIds} switch as given: two leaders compete (two servers send ACCEPTs of different operations for one
 * timestamp), and then, with leader ids off, a safety monitor names the violation; with them on, every safety monitor
 * holds. The search slows S1's messages from a moment of the first {@link #HORIZON} ticks by a growing delay.
 */
final class PaxosCompetingKey implements PropertyKey {
    static final String NAME = "paxos.competing-leaders";
    static final String PROPERTY = "two leaders compete";
    private static final int HORIZON = 200;
    private static final int STEP = 5;

    private static final Spec SPEC = new Spec(NAME, SlidesPaxos.ID, Set.of("leaderIds"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.flag(args, "leaderIds", field);
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        boolean leaderIds = Args.flag(args, "leaderIds", "answer");
        Map<String, Object> params = new LinkedHashMap<>(run.recipe().params());
        params.put("leaderIds", leaderIds);
        Recipe recipe = Recipe.of(run.recipe().protocol(), params, run.recipe().seed()).withFaults(run.recipe().faults())
                .withNetwork(run.recipe().network()).withBudgets(run.recipe().budgets());
        PaxosMonitors.Watched watched = PaxosMonitors.watch(recipe, registry);
        String switched = leaderIds ? "With leader ids" : "Without leader ids";
        Optional<CompetingLeaders.Competition> competition = CompetingLeaders.in(watched.run().trace());
        if (competition.isEmpty()) {
            return Verdict.violated(PROPERTY, switched + ", no two servers sent ACCEPTs of different operations for the same "
                    + "timestamp: only one leader acted.", List.of());
        }
        Optional<Verdict> broken = watched.firstViolation();
        String competed = switched + ", two leaders competed: " + competition.get().explanation() + ". ";
        if (leaderIds) {
            return broken.isPresent()
                    ? Verdict.violated(PROPERTY, competed + "Yet safety broke: " + broken.get().explanation() + ".", broken.get().witnesses())
                    : Verdict.holds(PROPERTY, competed + "Nothing broke: " + watched.safety().stream().map(Verdict::explanation)
                    .collect(Collectors.joining("; ")) + ".");
        }
        return broken.isPresent()
                ? Verdict.holds(PROPERTY, competed + "The order broke: " + broken.get().property() + " is violated: "
                + broken.get().explanation() + ".")
                : Verdict.violated(PROPERTY, competed + "But every server still executed the same operations: no violation.",
                competition.get().witnesses());
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.TIMING.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        for (int delay = 50; delay <= 300; delay += 50) {
            for (long at = 0; at <= HORIZON; at += STEP) {
                List<Fault> plan = List.of(Fault.at(at, FaultKind.TIMING, 0, Map.of("extraDelay", delay)));
                List<Fault> all = new ArrayList<>(scenario.faults());
                all.addAll(plan);
                if (check(Simulation.start(scenario.withFaults(all), reference.registry()), reference.registry(), args).holds()) {
                    return Optional.of(plan);
                }
            }
        }
        return Optional.empty();
    }
}
