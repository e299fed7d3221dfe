package dev.faultlab.protocols.flp.key;

import dev.faultlab.check.Valency;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.flp.Flp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code flp.bivalent-inputs}: choice (several) among the eight input vectors of three processes ({@code in-011}: P1
 * has 0, P2 and P3 have 1): those whose initial configuration is bivalent, each found by search.
 */
final class BivalentInputsKey implements ChoiceKey {
    static final String NAME = "flp.bivalent-inputs";
    static final Set<String> VECTORS = Set.of("in-000", "in-001", "in-010", "in-011", "in-100", "in-101", "in-110", "in-111");
    /** Option ids start with a letter: {@code in-011} is the input vector 011. */
    static final String PREFIX = "in-";
    private static final Spec SPEC = new Spec(NAME, Flp.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return VECTORS;
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        InitialKey.threeProcesses(reference);
        Set<String> bivalent = new LinkedHashSet<>();
        InitialKey.valencies(reference).forEach((inputs, valency) -> {
            if (valency.bivalent()) {
                bivalent.add(PREFIX + inputs);
            }
        });
        return bivalent;
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        List<Solution.Step> steps = new ArrayList<>();
        InitialKey.valencies(reference).forEach((inputs, valency) -> steps.add(new Solution.Step(
                "P1 P2 P3 = " + String.join(" ", inputs.split("")), describe(valency), List.of())));
        return new Solution(steps);
    }

    static String describe(Valency valency) {
        return valency.label() + ": " + valency.why() + ".";
    }
}
