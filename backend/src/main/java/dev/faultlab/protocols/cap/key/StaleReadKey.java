package dev.faultlab.protocols.cap.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.cap.Cap;
import dev.faultlab.protocols.cap.CapRuns;
import dev.faultlab.protocols.cap.Linearizable;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cap.stale-read}: fault-plan property: some read returns a value a completed write had already overwritten
 * (the monitor {@value Linearizable#NAME} fails). The search cuts one replica off from the others, trying each
 * replica at each of the first moments of the run.
 */
final class StaleReadKey implements PropertyKey {
    static final String NAME = "cap.stale-read";
    static final String PROPERTY = "a stale read";
    private static final Spec SPEC = new Spec(NAME, Cap.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Optional<Monitor.Violation> stale = CapRuns.violation(CapRuns.played(registry, run.recipe()), Linearizable.NAME);
        return stale.map(v -> Verdict.holds(PROPERTY, v.explanation() + "."))
                .orElseGet(() -> Verdict.violated(PROPERTY, "Every read returned the latest write or a concurrent one: no stale read.", List.of()));
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.PARTITION.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        return CapRuns.staleRead(reference.registry(), scenario, reference.run().now() / 2)
                .map(found -> found.recipe().faults().subList(scenario.faults().size(), found.recipe().faults().size()));
    }
}
