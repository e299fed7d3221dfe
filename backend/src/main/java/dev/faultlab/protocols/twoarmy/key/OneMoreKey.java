package dev.faultlab.protocols.twoarmy.key;

import dev.faultlab.check.Counterexample;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.twoarmy.TwoArmy;
import dev.faultlab.protocols.twoarmy.TwoArmyRuns;
import dev.faultlab.sim.Recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code twoarmy.one-more}: choice: does one more acknowledgement (k+1 messages instead of the scenario's k) rule
 * out a run where the generals disagree? {@code still-breaks} when the search finds such a run of the longer
 * protocol, {@code fixed} when it finds none.
 */
final class OneMoreKey implements ChoiceKey {
    static final String NAME = "twoarmy.one-more";
    static final String STILL_BREAKS = "still-breaks";
    static final String FIXED = "fixed";
    private static final Spec SPEC = new Spec(NAME, TwoArmy.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(STILL_BREAKS, FIXED);
    }

    private static Optional<Counterexample> longer(Reference reference) {
        Recipe scenario = reference.run().recipe();
        Map<String, Object> params = new LinkedHashMap<>(scenario.params());
        params.put("k", TwoArmyRuns.messages(scenario) + 1);
        Recipe longer = new Recipe(scenario.protocol(), params, scenario.seed(), List.of(), scenario.network(), scenario.budgets());
        return TwoArmyRuns.breaking(reference.registry(), longer);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        return Set.of(longer(reference).isPresent() ? STILL_BREAKS : FIXED);
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        int k = TwoArmyRuns.messages(reference.run().recipe()) + 1;
        return new Solution(List.of(longer(reference).map(found -> new Solution.Step("With " + k + " messages",
                        "Catching messenger " + TwoArmyRuns.firstLost(TwoArmyRuns.played(reference.registry(), found.recipe()))
                                + " of " + k + " breaks it again: " + found.verdict().explanation() + ". The new last "
                                + "message is as unconfirmed as the old one was.", List.of()))
                .orElseGet(() -> new Solution.Step("With " + k + " messages", "No single lost messenger makes the generals disagree.", List.of()))));
    }
}
