package dev.faultlab.protocols.primarybackup.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.primarybackup.AcknowledgedUpdatesKept;
import dev.faultlab.protocols.primarybackup.PrimaryBackup;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code primarybackup.acknowledged-lost}: fault-plan property: a server acts as primary without an update some
 * primary acknowledged to a client (the monitor {@value AcknowledgedUpdatesKept#NAME} fails). The search makes the
 * link from P1 to P2 lose every message from each {@link #STEP}-th tick of the run's first half on.
 */
final class AcknowledgedLostKey implements PropertyKey {
    static final String NAME = "primarybackup.acknowledged-lost";
    static final String PROPERTY = "an acknowledged update is lost";
    private static final int STEP = 5;
    private static final Spec SPEC = new Spec(NAME, PrimaryBackup.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Simulation watched = Simulation.start(run.recipe(), registry, MonitorSource.PROTOCOL);
        watched.runToEnd();
        PropertyStatus kept = watched.properties().stream().filter(p -> p.property().equals(AcknowledgedUpdatesKept.NAME))
                .findFirst().orElseThrow();
        if (kept.now().violation() == null) {
            return Verdict.violated(PROPERTY, "Every primary held every acknowledged update: nothing acknowledged was lost.", List.of());
        }
        return Verdict.holds(PROPERTY, "Lost: " + kept.now().violation().explanation() + ".");
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.LINK_LOSS.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        long half = Math.max(STEP, reference.run().now() / 2);
        for (long at = STEP; at <= half; at += STEP) {
            List<Fault> plan = List.of(Fault.at(at, FaultKind.LINK_LOSS, 0, Map.of("to", 1, "probability", 1.0)));
            List<Fault> all = new ArrayList<>(scenario.faults());
            all.addAll(plan);
            Simulation run = Simulation.start(scenario.withFaults(all), reference.registry());
            run.runToEnd();
            if (check(run, reference.registry(), args).holds()) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }
}
