package dev.faultlab.protocols.cap.key;

import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.cap.Available;
import dev.faultlab.protocols.cap.Cap;
import dev.faultlab.protocols.cap.CapRuns;
import dev.faultlab.protocols.cap.Linearizable;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cap.given-up}: choice: which property the register gives up in the scenario run in {@code mode} with the
 * replica of request {@code request} cut off from time {@code at}: {@code consistency} (the linearizability monitor fails),
 * {@code availability} (the availability monitor fails), {@code both} or {@code neither}.
 */
final class GivenUpKey implements ChoiceKey {
    static final String NAME = "cap.given-up";
    static final String CONSISTENCY = "consistency";
    static final String AVAILABILITY = "availability";
    static final String BOTH = "both";
    static final String NEITHER = "neither";
    private static final Spec SPEC = new Spec(NAME, Cap.ID, Set.of("mode", "request", "at"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(CONSISTENCY, AVAILABILITY, BOTH, NEITHER);
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        PartitionedScenario.check(args, field);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        Simulation run = PartitionedScenario.run(reference, args);
        boolean stale = CapRuns.violation(run, Linearizable.NAME).isPresent();
        boolean refused = CapRuns.violation(run, Available.NAME).isPresent();
        return Set.of(stale && refused ? BOTH : stale ? CONSISTENCY : refused ? AVAILABILITY : NEITHER);
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Simulation run = PartitionedScenario.run(reference, args);
        List<Solution.Step> steps = new ArrayList<>();
        for (String property : List.of(Linearizable.NAME, Available.NAME)) {
            Optional<Monitor.Violation> violation = CapRuns.violation(run, property);
            steps.add(new Solution.Step(property, violation.map(v -> "Violated: " + v.explanation() + ".").orElse("Holds."), List.of()));
        }
        return new Solution(steps);
    }
}
