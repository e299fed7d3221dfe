package dev.faultlab.protocols.omcast;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.faultlab.protocols.omcast.OmcastRuns.params;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameters that do not fit are refused naming the parameter, in the student's words. */
class OmcastParametersTest {

    private static void refused(Recipe recipe, String message) {
        assertThatThrownBy(() -> Simulation.start(recipe, Protocols.registry())).isInstanceOf(RecipeException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownOrderingIsRefusedListingTheKnownOnes() {
        refused(Recipe.of(OrderedMulticast.ID, params("ordering", "atomic"), 1),
                "params.ordering: must be one of unordered, fifo, causal, sequencer, moving-sequencer, privilege, lamport, isis, "
                        + "fifo-total, causal-total, got 'atomic'");
    }

    @Test
    void aWorkloadEntryMustNameAMemberATimeBeforeRunForAndAnEarlierMessage() {
        refused(Recipe.of(OrderedMulticast.ID, params("n", 3, "multicasts", List.of(List.of(3, 0))), 1),
                "params.multicasts[0]: member 3 does not exist: members are 0 to 2");
        refused(Recipe.of(OrderedMulticast.ID, params("runFor", 50, "multicasts", List.of(List.of(0, 50))), 1),
                "params.multicasts[0]: time must be from 0 to runFor - 1 = 49, got 50");
        refused(Recipe.of(OrderedMulticast.ID, params("multicasts", List.of(List.of(0, 0), List.of(1, 0, 2))), 1),
                "params.multicasts[1]: can only wait for an earlier multicast, m1 to m1, got m2");
        refused(Recipe.of(OrderedMulticast.ID, params("multicasts", List.of(List.of(0, "soon"))), 1),
                "params.multicasts[0]: must be [member, time] or [member, time, k] in whole numbers, got [0, soon]");
    }
}
