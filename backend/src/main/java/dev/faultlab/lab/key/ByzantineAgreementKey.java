package dev.faultlab.lab.key;

import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.byzantine.InteractiveConsistency;

import java.util.Map;
import java.util.Set;

/** {@code byzantine.agreement}: "agree" when interactive consistency holds over the loyal processes, else "disagree". */
final class ByzantineAgreementKey implements ChoiceKey {
    static final String NAME = "byzantine.agreement";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String protocol() {
        return ByzantineAgreement.ID;
    }

    @Override
    public Set<String> arguments() {
        return Set.of();
    }

    @Override
    public Set<String> outcomes() {
        return Set.of("agree", "disagree");
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        return Set.of(InteractiveConsistency.check(reference.run()).holds() ? "agree" : "disagree");
    }
}
