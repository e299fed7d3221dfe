package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameters that do not fit are refused before the run, naming the parameter in the student's words. */
class VirtualSynchronyParamsTest {

    @Test
    void anUnknownVariantIsRefusedWithTheSixThatExist() {
        assertRefused(Map.of("variant", "sequential"), "params.variant: must be one of [reliable, fifo, causal, atomic, "
                + "fifo-atomic, causal-atomic], got 'sequential'");
    }

    @Test
    void joinAndLeaveTimesNeedOnePerProcessAndAFirstMember() {
        assertRefused(Map.of("n", 3, "joinAt", List.of(0, 10)), "params.joinAt: must give one time per process (n=3), got 2");
        assertRefused(Map.of("n", 2, "joinAt", List.of(5, 10)), "params.joinAt: at least one process must be a member from the start (0)");
        assertRefused(Map.of("n", 2, "joinAt", List.of(0, 10), "leaveAt", List.of(0, 10)),
                "params.leaveAt: element 1 must come after its join at 10, got 10");
    }

    @Test
    void aMulticastNeedsAnExistingProcessAndATime() {
        assertRefused(Map.of("n", 3, "multicasts", List.of(List.of(5, 10))), "params.multicasts: element 0: process 5 does not exist (ids 0 to 2)");
        assertRefused(Map.of("multicasts", List.of(List.of(0))), "params.multicasts: element 0 must be a pair [process id, time], got [0]");
    }

    @Test
    void theTimeoutMustOutlastTheHeartbeat() {
        assertRefused(Map.of("heartbeat", 10, "timeout", 10), "params.timeout: must be longer than the heartbeat (10 ticks), got 10");
    }

    private static void assertRefused(Map<String, Object> params, String problem) {
        Recipe recipe = Recipe.of(VirtualSynchrony.ID, new LinkedHashMap<>(params), 1);
        assertThatThrownBy(() -> Simulation.start(recipe, Protocols.registry()))
                .isInstanceOf(RecipeException.class).hasMessageContaining(problem);
    }
}
