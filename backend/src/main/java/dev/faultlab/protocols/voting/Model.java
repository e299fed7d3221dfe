package dev.faultlab.protocols.voting;

import java.util.Locale;

/**
 * The kind of fault the group is built to mask, which fixes how its answers are combined (lecture 003, "how much
 * redundancy"): fail-silent replicas answer right or not at all, so the first answer will do (k+1 replicas);
 * value faults are outvoted by a majority (2k+1); Byzantine replicas that must also agree among themselves run an
 * agreement first (3k+1).
 */
public enum Model {
    FAIL_SILENT("fail-silent", "the voter takes the first answer that arrives"),
    VALUE("value", "the voter takes the answer a majority of the group gives"),
    BYZANTINE("byzantine", "the replicas agree on the result by exchanging what they heard for k+1 rounds, then the voter "
            + "takes the answer a majority gives");

    private final String id;
    private final String rule;

    Model(String id, String rule) {
        this.id = id;
        this.rule = rule;
    }

    public String id() {
        return id;
    }

    public String rule() {
        return rule;
    }

    public static Model of(String text) {
        for (Model model : values()) {
            if (model.id.equals(text.toLowerCase(Locale.ROOT))) {
                return model;
            }
        }
        return null;
    }
}
