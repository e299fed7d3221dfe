package dev.faultlab.protocols.byzantine;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.byzantine.ByzantineRuns.lie;
import static dev.faultlab.protocols.byzantine.ByzantineRuns.recipe;
import static dev.faultlab.protocols.byzantine.ByzantineRuns.run;
import static dev.faultlab.protocols.byzantine.ByzantineRuns.traitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameters, behaviours and views as a recipe author and the state inspector meet them. */
class ByzantineRecipeTest {

    private static RecipeException problemsOf(Recipe recipe) {
        return (RecipeException) org.assertj.core.api.Assertions.catchThrowable(() -> Simulation.start(recipe, Protocols.registry()));
    }

    @Test
    void theCatalogListsTheProtocolWithItsBehaviours() {
        var protocol = Protocols.registry().find(ByzantineAgreement.ID).orElseThrow();

        assertThat(protocol.behaviours()).extracting(BehaviourSpec::name)
                .containsExactly("silent", "equivocate", "corrupt-relays", "random", "scripted", "two-faced", "mirror");
        assertThat(protocol.behaviours()).allSatisfy(b -> assertThat(b.description()).isNotBlank());
        assertThat(protocol.parameters()).extracting(p -> p.name()).containsExactly("n", "m", "values");
        assertThat(protocol.description()).contains(Majority.RULE);
    }

    @Test
    void moreRoundsThanDistinctRelaysAreRefused() {
        assertThat(problemsOf(recipe(4, 3, null, 1, List.of())).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("params.m");
                    assertThat(p.message()).startsWith("must be at most n-2=2");
                });
    }

    @Test
    void parametersWhoseMessagesExceedTheEventBudgetAreRefusedNamingM() {
        // 30 processes and m=3: 30*(29 + 29*28 + 29*28*27 + 29*28*27*26) = 17,783,670 messages.
        assertThat(problemsOf(recipe(30, 3, null, 1, List.of())).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("params.m");
                    assertThat(p.message()).isEqualTo("with n=30 and m=3 the 4 rounds send 17,783,670 oral messages, but "
                            + "a run holds at most 500,000 (each message is 2 of its 1,000,000 events): with n=30, m can be at most 1");
                });
        assertThat(ByzantineAgreement.messages(64, 62)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theLargestParametersAreRefusedInPlainNumbersWithoutAnOverflow() {
        assertThat(problemsOf(recipe(64, 62, null, 1, List.of())).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("with n=64 and m=62 the 63 rounds send "
                        + "more than a billion billion oral messages, but a run holds at most 500,000 (each message is 2 of "
                        + "its 1,000,000 events): with n=64, m can be at most 1")
                        .doesNotContain(Long.toString(Long.MAX_VALUE)));
    }

    @Test
    void valuesMustBeOnePerProcessAndTextOrWholeNumbers() {
        assertThat(problemsOf(recipe(4, 1, List.of("a", "b"), 1, List.of())).problems())
                .extracting(RecipeException.Problem::field).containsExactly("params.values");
        Recipe fractional = Recipe.of(ByzantineAgreement.ID, Map.of("n", 3, "m", 1, "values", List.of(1, 2.5, 3)), 1);
        assertThat(problemsOf(fractional).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("params.values[1]"));
    }

    @Test
    void wholeNumbersAreValuesToo() {
        Simulation sim = run(Recipe.of(ByzantineAgreement.ID, Map.of("n", 4, "m", 1, "values", List.of(1, 2, 3, 4)), 1));

        assertThat(ByzantineResults.finalVector(sim, 0).orElseThrow()).containsExactly("1", "2", "3", "4");
        assertThat(sim.decisions()).containsEntry(0, Majority.NO_MAJORITY);
    }

    @Test
    void aBadTableOfLiesIsRefusedNamingTheRow() {
        var lies = Map.<String, Object>of("lies", List.of(
                lie(2, "0", "x"),
                lie(2, "0:2", "x"),
                Map.of("to", 3, "path", "0", "round", 1, "value", "x"),
                lie(2, "P1", "x"),
                Map.of("to", 2, "path", List.of(0), "value", "x"),
                Map.of("to", 3, "path", "", "value", 2.5)));

        assertThat(problemsOf(recipe(4, 1, null, 1, List.of(traitor(1, Scripted.NAME, lies)))).problems())
                .extracting(RecipeException.Problem::field)
                .containsExactly("faults[0].params.lies[1].path", "faults[0].params.lies[2].round",
                        "faults[0].params.lies[3].path", "faults[0].params.lies[5].value", "faults[0].params.lies[4].path");
        assertThat(problemsOf(recipe(4, 1, null, 1, List.of(traitor(1, Scripted.NAME, Map.of("lies", List.of(), "otherwise", "scripted"))))).problems())
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("faults[0].params.otherwise"));
    }

    @Test
    void theRowsOfATableOfLiesAreCheckedByTheProtocolAgainstTheRun() {
        var lies = Map.<String, Object>of("lies", List.of(Map.of("to", 5, "value", 1), Map.of("round", -1, "path", 3)));

        assertThat(problemsOf(recipe(4, 1, null, 1, List.of(traitor(0, Scripted.NAME, lies)))).problems())
                .extracting(RecipeException.Problem::toString).contains(
                        "faults[0].params.lies[0].to: node 5 does not exist (n=4)",
                        "faults[0].params.lies[1].round: must be a whole number >= 0",
                        "faults[0].params.lies[1].path: must be text",
                        "faults[0].params.lies[1].value: is required: what the Byzantine node says instead");
    }

    @Test
    void aScriptedTraitorFallsBackToItsOtherwiseBehaviour() {
        var script = Map.<String, Object>of("otherwise", "silent", "lies", List.of(lie(2, "", "x")));

        Simulation sim = run(4, 1, List.of("a", "b", "c", "d"), traitor(1, Scripted.NAME, script));

        assertThat(ByzantineResults.received(sim, 2, 1)).extracting(Statement::text)
                .containsExactly("P1 says a", "P2 says x", "P4 says d");
        assertThat(ByzantineResults.received(sim, 0, 1)).extracting(Statement::text)
                .containsExactly("P3 says c", "P4 says d");
    }

    @Test
    void aRowWithoutReceiverOrPathLiesInEveryMessageOfItsRound() {
        var script = Map.<String, Object>of("lies", List.of(Map.of("round", 2, "value", "x")));

        Simulation sim = run(4, 1, List.of("a", "b", "c", "d"), traitor(1, Scripted.NAME, script));

        assertThat(ByzantineResults.received(sim, 0, 1)).contains(new Statement(List.of(1), "b"));
        assertThat(ByzantineResults.received(sim, 0, 2)).filteredOn(s -> s.sender() == 1)
                .extracting(Statement::text).containsExactly("P2 says P3 says x", "P2 says P4 says x");
    }

    @Test
    void aRowForAnotherSenderNeverApplies() {
        var script = Map.<String, Object>of("lies", List.of(Map.of("from", 2, "to", 0, "path", "", "value", "x")));

        Simulation sim = run(4, 1, List.of("a", "b", "c", "d"), traitor(1, Scripted.NAME, script));

        assertThat(ByzantineResults.received(sim, 0, 1)).extracting(Statement::text)
                .containsExactly("P2 says b", "P3 says c", "P4 says d");
    }

    @Test
    void aDuplicatedMessageIsHeardOnce() {
        Recipe everythingTwice = recipe(4, 1, List.of("a", "b", "c", "d"), 1, List.of())
                .withNetwork(new NetworkSpec(Delay.constant(1), 0, 1, true));

        Simulation sim = run(everythingTwice);

        assertThat(sim.trace().events()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.DUPLICATE));
        assertThat(ByzantineResults.received(sim, 0, 1)).hasSize(3);
        assertThat(ByzantineResults.received(sim, 0, 2)).hasSize(6);
        assertThat(ByzantineResults.finalVector(sim, 0).orElseThrow()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void theStateViewShowsWhatWasHeardPerRoundTheVectorAndTheRule() {
        Simulation sim = run(4, 1, List.of("a", "b", "c", "d"));

        Map<String, Object> view = sim.processes().get(0).state();
        assertThat(view).containsEntry("value", "a").containsEntry("noMajority", "RETREAT")
                .containsEntry("majorityRule", Majority.RULE).containsEntry("vector", List.of("a", "b", "c", "d"));
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> received = (Map<String, List<Map<String, Object>>>) view.get("received");
        assertThat(received).containsOnlyKeys("1", "2");
        assertThat(received.get("1").get(0)).containsEntry("path", List.of(1)).containsEntry("value", "b")
                .containsEntry("text", "P2 says b");
        assertThat(received.get("2")).hasSize(6);
    }

    @Test
    void valuesLeftOutAreDrawnFromTheSeedAndTheRunReplaysExactly() {
        Recipe recipe = recipe(5, 1, null, 42, List.of(traitor(4, RandomValues.NAME)));

        Simulation first = run(recipe);
        Simulation second = run(recipe);

        assertThat(first.trace().events()).isEqualTo(second.trace().events());
        for (int node = 0; node < 5; node++) {
            assertThat(ByzantineResults.value(first, node).orElseThrow()).isIn(Plan.ATTACK, Plan.RETREAT);
        }
    }

    @Test
    void askingForARoundThatDoesNotExistIsAnError() {
        Simulation sim = run(4, 1, null);

        assertThatThrownBy(() -> ByzantineResults.received(sim, 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds 1 to 2");
    }
}
