package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.byzantine.InteractiveConsistency;

import java.util.Map;
import java.util.Set;

/** {@code byzantine.agreement}: "agree" when interactive consistency holds over the loyal processes, else "disagree". */
final class ByzantineAgreementKey implements ChoiceKey {
    static final String NAME = "byzantine.agreement";

    private static final Spec SPEC = new Spec(NAME, ByzantineAgreement.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of("agree", "disagree");
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return ByzantineSolutions.agreement(reference);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        return Set.of(InteractiveConsistency.check(reference.run()).holds() ? "agree" : "disagree");
    }
}
