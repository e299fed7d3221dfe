package dev.faultlab.protocols.omcast.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.omcast.OmConfigs;
import dev.faultlab.protocols.omcast.OrderedMulticast;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code omcast.fifo-breaks-causality}: fault-plan property: the student's faults, played on the scenario's group and
 * workload with FIFO-only multicast on a reliable network (every message one tick, whatever the scenario's network),
 * make a member deliver a message without one that happened before it; the causal-order monitor names the two
 * events. The search cuts one link, one way, at time 0, lowest ids first.
 */
final class OmcastFifoBreaksCausalityKey implements PropertyKey {
    static final String NAME = "omcast.fifo-breaks-causality";
    static final String PROPERTY = "FIFO-only multicast breaks causal order";
    private static final String CAUSAL = "causal order";
    private static final Spec SPEC = new Spec(NAME, OrderedMulticast.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Simulation fifo = Simulation.start(fifoOnly(run.recipe()), registry, MonitorSource.PROTOCOL);
        fifo.runToEnd();
        PropertyStatus.Change causal = fifo.properties().stream().filter(p -> p.property().equals(CAUSAL)).findFirst().orElseThrow().now();
        if (causal.violation() == null) {
            return Verdict.violated(PROPERTY, "With FIFO-only multicast every member still delivered each message after what happened "
                    + "before it.", List.of());
        }
        return Verdict.holds(PROPERTY, causal.violation().explanation() + ".");
    }

    /** The recipe with FIFO-only ordering and a reliable network: what the challenge plays the student's plan on. */
    static Recipe fifoOnly(Recipe recipe) {
        Map<String, Object> params = new LinkedHashMap<>(recipe.params());
        params.put("ordering", "fifo");
        return new Recipe(recipe.protocol(), params, recipe.seed(), recipe.faults(), NetworkSpec.reliable(), recipe.budgets(), recipe.schedule());
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.LINK_DOWN.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        int members = OmConfigs.of(scenario).members();
        for (int from = 0; from < members; from++) {
            for (int to = 0; to < members; to++) {
                if (from == to) {
                    continue;
                }
                List<Fault> plan = List.of(Fault.at(0, FaultKind.LINK_DOWN, from, Map.of("to", to, "oneWay", true)));
                Simulation run = Simulation.start(scenario.withFault(plan.get(0)), reference.registry());
                run.runToEnd();
                if (check(run, reference.registry(), args).holds()) {
                    return Optional.of(plan);
                }
            }
        }
        return Optional.empty();
    }
}
