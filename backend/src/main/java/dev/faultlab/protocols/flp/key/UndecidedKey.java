package dev.faultlab.protocols.flp.key;

import dev.faultlab.check.Valency;
import dev.faultlab.check.ValencySearch;
import dev.faultlab.check.Verdict;
import dev.faultlab.key.Args;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.flp.AdversaryPlan;
import dev.faultlab.protocols.flp.Flp;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code flp.undecided {steps}}: fault-plan property: in the student's run (the scenario with their holds, releases
 * and deliveries), the first {@code steps} deliveries leave every process undecided, and the configuration right
 * after the last of them is still bivalent, found by search. A univalent configuration has only univalent
 * successors, so a bivalent one at the end means every configuration before it was bivalent too.
 */
final class UndecidedKey implements PropertyKey {
    static final String NAME = "flp.undecided";
    static final String PROPERTY = "undecided";
    private static final Spec SPEC = new Spec(NAME, Flp.ID, Set.of("steps"));
    /** The final configuration is judged with more room than the adversary's quick checks. */
    private static final ValencySearch.Bounds BOUNDS = new ValencySearch.Bounds(20_000, 8_000, 80, 200, 11);

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        steps(args, field);
    }

    private static int steps(Map<String, Object> args, String field) {
        int steps = args.containsKey("steps") ? Args.integer(args, "steps", field) : Flp.DEFAULT_STEPS;
        if (steps < 1 || steps > 60) {
            throw new KeyException(field + ".steps", "must be from 1 to 60, got " + steps);
        }
        return steps;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        int steps = steps(args, "answer");
        Trace trace = run.trace();
        int delivered = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == EventKind.CRASH) {
                return Verdict.violated(PROPERTY, "Your run crashes a process: FLP's scheduler needs no crash, "
                        + "only the order of deliveries.", List.of(i));
            }
            if (trace.kind(i) == EventKind.DECIDE) {
                return Verdict.violated(PROPERTY, "A process decided after " + delivered + " steps (deliveries); keep "
                        + "every process undecided for " + steps + ".", List.of(i));
            }
            if (trace.kind(i) == EventKind.DELIVER && ++delivered == steps) {
                Valency valency = ValencySearch.of(registry, ValencySearch.configuration(registry, run.recipe(), i), BOUNDS);
                return valency.bivalent()
                        ? Verdict.holds(PROPERTY, "After " + steps + " steps no process has decided and the configuration "
                        + "is still bivalent: " + valency.why() + ".")
                        : Verdict.violated(PROPERTY, "After " + steps + " steps no process has decided, but the configuration "
                        + "is " + valency.label() + " (" + valency.why() + "), so an earlier step already gave the run "
                        + "its value.", List.of(i));
            }
        }
        return Verdict.violated(PROPERTY, "Your run has only " + delivered + " steps (deliveries) before it stops; it needs "
                + steps + " with no decision (a message held for good is no step).", List.of());
    }

    @Override
    public Optional<List<Fault>> find(Reference scenario, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.DELIVER.name())) {
            return Optional.empty();
        }
        return AdversaryPlan.find(scenario.registry(), scenario.run().recipe(), steps(args, "answer"), maxFaults);
    }
}
