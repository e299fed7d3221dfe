package dev.faultlab.protocols.flp.key;

import dev.faultlab.check.Valency;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.flp.AdversaryPlan;
import dev.faultlab.protocols.flp.Flp;
import dev.faultlab.protocols.flp.InitialValencies;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code flp.statements}: choice (several): which statements about FLP the platform's runs of this protocol bear
 * out, each tried on the scenario:
 * <ul>
 *   <li>{@code fair-decides}: left to the clock (no action by hand), the run decides;</li>
 *   <li>{@code needs-crash}: keeping the run undecided for 20 steps takes a crash (false when a plan of message
 *   actions alone does it);</li>
 *   <li>{@code replays}: the same recipe replays to the same run, event for event (the processes are deterministic);</li>
 *   <li>{@code zero-decides-one}: with every input 0, some schedule ends in a decision of 1.</li>
 * </ul>
 */
final class StatementsKey implements ChoiceKey {
    static final String NAME = "flp.statements";
    static final String FAIR = "fair-decides";
    static final String CRASH = "needs-crash";
    static final String REPLAYS = "replays";
    static final String ZERO_ONE = "zero-decides-one";
    private static final int ACTIONS = 20;
    private static final Spec SPEC = new Spec(NAME, Flp.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(FAIR, CRASH, REPLAYS, ZERO_ONE);
    }

    /** Each statement with whether it holds and why. */
    record Findings(Map<String, Boolean> holds, Map<String, String> why) {
    }

    private static Findings findings(Reference reference) {
        return reference.reading(Findings.class, StatementsKey::find);
    }

    private static Findings find(Reference reference) {
        Map<String, Boolean> holds = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        Simulation fair = reference.run();
        holds.put(FAIR, !fair.decisions().isEmpty());
        why.put(FAIR, fair.decisions().isEmpty() ? "The scenario's run, left to the clock, ended with no decision."
                : "The scenario's run, left to the clock, decided " + fair.decisions().values().iterator().next() + ".");
        Optional<List<Fault>> plan = AdversaryPlan.find(reference.registry(), fair.recipe(), Flp.DEFAULT_STEPS, ACTIONS);
        holds.put(CRASH, plan.isEmpty());
        why.put(CRASH, plan.map(p -> "Delivering " + p.size() + " messages out of the clock's order, and crashing no one, "
                + "kept every configuration bivalent for " + Flp.DEFAULT_STEPS + " steps.")
                .orElse("No plan of at most " + ACTIONS + " message actions kept the run undecided for " + Flp.DEFAULT_STEPS + " steps."));
        Recipe recipe = fair.recipe();
        Simulation again = Simulation.start(recipe, reference.registry());
        again.runToEnd();
        boolean same = again.trace().size() == fair.trace().size()
                && again.trace().events(0, again.trace().size()).equals(fair.trace().events(0, fair.trace().size()));
        holds.put(REPLAYS, same);
        why.put(REPLAYS, same ? "Run again from its recipe, the scenario gave the same " + fair.trace().size() + " events."
                : "Run again from its recipe, the scenario gave a different run.");
        int n = fair.nodeCount();
        Valency zeros = InitialValencies.of(reference.registry(), recipe, Collections.nCopies(n, 0));
        holds.put(ZERO_ONE, zeros.reachable().contains(1));
        why.put(ZERO_ONE, "With every input 0 the initial configuration is " + zeros.label() + ": " + zeros.why() + ".");
        return new Findings(holds, why);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        Set<String> right = new LinkedHashSet<>();
        findings(reference).holds().forEach((statement, holds) -> {
            if (holds) {
                right.add(statement);
            }
        });
        return right;
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Findings findings = findings(reference);
        List<Solution.Step> steps = new ArrayList<>();
        findings.why().forEach((statement, why) -> steps.add(new Solution.Step(statement
                + (findings.holds().get(statement) ? ": true" : ": false"), why, List.of())));
        return new Solution(steps);
    }
}
