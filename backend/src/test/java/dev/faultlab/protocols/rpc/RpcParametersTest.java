package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameters that name no strategy, order, operation or remedy are refused with the field and the choices. */
class RpcParametersTest {
    private static void refused(Map<String, Object> params, String message) {
        assertThatThrownBy(() -> Simulation.start(Recipe.of(Rpc.ID, params, 1), RpcRuns.REGISTRY))
                .isInstanceOf(RecipeException.class).hasMessageContaining(message);
    }

    @Test
    void unknownNamesAreRefusedWithTheirChoices() {
        refused(Map.of("strategy", "sometimes"), "params.strategy: must be one of always, never, acked, unacked, got 'sometimes'");
        refused(Map.of("order", "PMC"), "params.order: must be one of MP, PM, got 'PMC'");
        refused(Map.of("operation", "withdraw"), "params.operation: must be one of print, transfer, set, got 'withdraw'");
        refused(Map.of("remedy", "reboot"), "params.remedy: must be one of none, extermination, reincarnation, gentle, expiration, got 'reboot'");
    }

    @Test
    void numbersOutOfRangeAreRefused() {
        refused(Map.of("clients", 0), "params.clients");
        refused(Map.of("lease", 1), "params.lease");
    }
}
