package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.messagelogging.LoggingRuns.REGISTRY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameters that do not make sense are refused, naming the field and saying what it must be. */
class LoggingParametersTest {
    private static void refused(Map<String, Object> params, String message) {
        assertThatThrownBy(() -> Simulation.start(Recipe.of(MessageLogging.ID, params, 1), REGISTRY))
                .isInstanceOf(RecipeException.class).hasMessageContaining(message);
    }

    @Test
    void badSettingsAndScriptsAreNamed() {
        refused(Map.of("logging", "both"), "params.logging: must be 'receiver' or 'sender', got 'both'");
        refused(Map.of("mode", "lazy"), "params.mode: must be 'pessimistic' or 'optimistic', got 'lazy'");
        refused(Map.of("messages", List.of("m1")), "params.messages[0]: must be {from, to, at} or {from, to, after}");
        refused(Map.of("messages", List.of(Map.of("from", 0, "to", 0, "at", 1))), "params.messages[0].to: must be another process than the sender (P1)");
        refused(Map.of("messages", List.of(Map.of("from", 0, "to", 5, "at", 1))), "params.messages[0].to: must be from 0 to 2, got 5");
        refused(Map.of("messages", List.of(Map.of("from", 0, "to", 1))), "params.messages[0]: needs exactly one of 'at'");
        refused(Map.of("messages", List.of(Map.of("from", 0, "to", 1, "at", 1, "after", 2))), "needs exactly one of 'at'");
        refused(Map.of("messages", List.of(Map.of("from", 0, "to", 1, "when", 1))), "params.messages[0].when: is not a field of a message");
        refused(Map.of("messages", List.of(Map.of("from", 0, "to", 1, "after", 0))), "params.messages[0].after: must be from 1 to 1000, got 0");
    }
}
