package dev.faultlab.protocols.flp.key;

import dev.faultlab.check.Valency;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.flp.Flp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code flp.chain}: choice of one ({@code in-100} for 100): along the chain of initial configurations 000, 100, 110, 111 (the inputs of P1,
 * then P2, then P3 switched to 1, one at a time), the first that is not 0-valent. The proof's argument: neighbours
 * differ in one process's input, and a run in which that process crashes at once cannot tell them apart, so a
 * 0-valent configuration cannot sit next to a 1-valent one: somewhere on the chain there is a bivalent one.
 */
final class ChainKey implements ChoiceKey {
    static final String NAME = "flp.chain";
    static final List<String> CHAIN = List.of("000", "100", "110", "111");
    private static final Spec SPEC = new Spec(NAME, Flp.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.copyOf(CHAIN.stream().map(inputs -> BivalentInputsKey.PREFIX + inputs).toList());
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        InitialKey.threeProcesses(reference);
        Map<String, Valency> valencies = InitialKey.valencies(reference);
        return CHAIN.stream().filter(inputs -> !valencies.get(inputs).label().equals(Valency.valent(0)))
                .findFirst().map(inputs -> Set.of(BivalentInputsKey.PREFIX + inputs)).orElse(Set.of());
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Map<String, Valency> valencies = InitialKey.valencies(reference);
        List<Solution.Step> steps = new ArrayList<>();
        for (String inputs : CHAIN) {
            steps.add(new Solution.Step("P1 P2 P3 = " + String.join(" ", inputs.split("")),
                    BivalentInputsKey.describe(valencies.get(inputs)), List.of()));
        }
        return new Solution(steps);
    }
}
