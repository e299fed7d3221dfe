package dev.faultlab.protocols.voting;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Voting groups step by step: TMR outvotes one wrong value, the sizes k+1, 2k+1, 3k+1, and a voter apart from the client. */
class VotingTest {

    @Test
    void tripleModularRedundancyOutvotesOneWrongValueButTheFirstAnswerVoterIsFooledByIt() {
        List<Fault> p1Lies = List.of(Fault.at(0, FaultKind.BYZANTINE, 0, Map.of("behaviour", "wrong-value")));
        Simulation tmr = run(recipe(3, "value", 1, "client", 7, p1Lies));
        assertThat(tmr.trace().events()).filteredOn(e -> e.kind() == EventKind.SEND && e.payload() instanceof Answer)
                .extracting(e -> ((Answer) e.payload()).value()).containsExactly(50, 49, 49);
        assertThat(tmr.decisions()).containsEntry(3, 49);
        assertThat(violation(tmr, VoterOutputCorrect.NAME)).isNull();

        Simulation first = run(recipe(3, "fail-silent", 1, "client", 7, p1Lies));
        assertThat(first.decisions()).containsEntry(3, 50);
        assertThat(violation(first, VoterOutputCorrect.NAME).explanation()).isEqualTo("P4 accepted 50 but the correct result is 49");
    }

    @Test
    void theSmallestGroupsFoundByRunningAreKPlusOneTwoKPlusOneAndThreeKPlusOne() {
        for (int k = 1; k <= 2; k++) {
            assertThat(GroupSize.smallest(Protocols.registry(), Model.FAIL_SILENT, k, 7)).isEqualTo(k + 1);
            assertThat(GroupSize.smallest(Protocols.registry(), Model.VALUE, k, 7)).isEqualTo(2 * k + 1);
            assertThat(GroupSize.smallest(Protocols.registry(), Model.BYZANTINE, k, 7)).isEqualTo(3 * k + 1);
        }
    }

    @Test
    void withThreeReplicasOneByzantineReplicaKeepsTheCorrectOnesFromAgreeingWithFourItCannot() {
        List<Fault> traitor = List.of(Fault.at(0, FaultKind.BYZANTINE, 2, Map.of("behaviour", "wrong-value")));
        Simulation three = run(recipe(3, "byzantine", 1, "client", 7, traitor));
        assertThat(violation(three, ReplicasAgree.NAME).explanation()).startsWith("correct replica P1 agreed on none");

        Simulation four = run(recipe(4, "byzantine", 1, "client", 7, traitor));
        assertThat(four.decisions()).containsEntry(0, 49).containsEntry(1, 49).containsEntry(3, 49).containsEntry(4, 49);
        assertThat(four.properties()).allSatisfy(p -> assertThat(p.now().violation()).isNull());
    }

    @Test
    void aSeparateVoterIsASinglePointOfFailureWhileAVoterInTheClientSharesItsFate() {
        Simulation separate = run(recipe(3, "value", 1, "separate", 7,
                List.of(Fault.at(0, FaultKind.BYZANTINE, 3, Map.of("behaviour", "wrong-value", "value", 13)))));
        assertThat(separate.roles()).containsExactly("replica", "replica", "replica", "voter", "client");
        assertThat(violation(separate, VoterOutputCorrect.NAME).explanation()).isEqualTo("P5 accepted 13 but the correct result is 49");

        Simulation shared = run(recipe(3, "value", 1, "client", 7, List.of(Fault.at(0, FaultKind.CRASH, 3))));
        assertThat(violation(shared, VoterOutputCorrect.NAME)).isNull();
        assertThat(shared.properties().get(0).now().violation()).isNull();
    }

    @Test
    void parametersThatDoNotFitAreRefusedNamingTheField() {
        assertThatThrownBy(() -> run(recipe(3, "paranoid", 1, "client", 7, List.of())))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.model: must be fail-silent, value or byzantine");
        assertThatThrownBy(() -> run(recipe(3, "value", 1, "cloud", 7, List.of())))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.voter: must be client or separate, got 'cloud'");
        assertThatThrownBy(() -> run(recipe(13, "byzantine", 3, "client", 7, List.of())))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.n: the agreement for k=3 would keep");
        assertThatThrownBy(() -> run(recipe(3, "value", 1, "client", 7,
                List.of(Fault.at(0, FaultKind.BYZANTINE, 0, Map.of("behaviour", "wrong-value", "value", "ten"))))))
                .isInstanceOf(RecipeException.class).hasMessageContaining("value: must be a whole number");
    }

    static Recipe recipe(int n, String model, int k, String voter, int input, List<Fault> faults) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", n);
        params.put("model", model);
        params.put("k", k);
        params.put("voter", voter);
        params.put("input", input);
        return Recipe.of(Voting.ID, params, 1).withFaults(faults);
    }

    static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        sim.runToEnd();
        return sim;
    }

    static Monitor.Violation violation(Simulation sim, String property) {
        return sim.properties().stream().filter(p -> p.property().equals(property)).findFirst().orElseThrow().now().violation();
    }
}
