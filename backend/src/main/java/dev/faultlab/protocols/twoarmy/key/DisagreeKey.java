package dev.faultlab.protocols.twoarmy.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.twoarmy.CoordinatedAttack;
import dev.faultlab.protocols.twoarmy.TwoArmy;
import dev.faultlab.protocols.twoarmy.TwoArmyRuns;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code twoarmy.disagree}: fault-plan property: the plan makes one general attack alone (the monitor
 * {@value CoordinatedAttack#NAME} fails). The search catches each messenger in turn by closing its way as its round
 * starts, and keeps the first that breaks agreement: the last one.
 */
final class DisagreeKey implements PropertyKey {
    static final String NAME = "twoarmy.disagree";
    static final String PROPERTY = "one general attacks alone";
    private static final Spec SPEC = new Spec(NAME, TwoArmy.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Optional<PropertyStatus.Change> broken = TwoArmyRuns.broken(TwoArmyRuns.played(registry, run.recipe()));
        return broken.map(change -> Verdict.holds(PROPERTY, change.violation().explanation() + "."))
                .orElseGet(() -> Verdict.violated(PROPERTY, "The generals agree: "
                        + TwoArmyRuns.outcome(run).text() + ".", List.of()));
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.LINK_DOWN.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        return TwoArmyRuns.breaking(reference.registry(), scenario)
                .map(found -> found.recipe().faults().subList(scenario.faults().size(), found.recipe().faults().size()));
    }
}
