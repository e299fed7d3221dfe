package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** lab.yaml's {@code policy} block over a base policy: each field given replaces the base's. */
final class PolicyParser {
    private PolicyParser() {
    }

    static LabPolicy over(LabPolicy base, JsonNode policy) {
        if (policy == null || policy.isNull()) {
            return base;
        }
        return new LabPolicy(
                policy.path("maxAttempts").asInt(base.maxAttempts()),
                policy.path("penaltyPerAttempt").asDouble(base.penaltyPerAttempt()),
                policy.has("scoring") ? LabPolicy.Scoring.valueOf(constant(policy.get("scoring"))) : base.scoring(),
                policy.has("reveal") ? LabPolicy.Reveal.valueOf(constant(policy.get("reveal"))) : base.reveal(),
                policy.has("run") ? LabPolicy.RunAccess.valueOf(constant(policy.get("run"))) : base.run(),
                policy.path("newVariantPerAttempt").asBoolean(base.newVariantPerAttempt()));
    }

    /** "after-last-attempt" to AFTER_LAST_ATTEMPT; the schema has already checked the spelling. */
    private static String constant(JsonNode value) {
        return value.asText().replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
