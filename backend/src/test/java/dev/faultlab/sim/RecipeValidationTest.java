package dev.faultlab.sim;

import dev.faultlab.protocols.Protocols;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RecipeValidationTest {
    private static final Map<String, Object> SEVEN = Map.of("n", 7, "f", 2);

    private static RecipeException rejection(Recipe recipe) {
        RecipeException e = catchThrowableOfType(RecipeException.class, () -> Simulation.start(recipe, Protocols.registry()));
        assertThat(e).as("recipe should be rejected: " + recipe).isNotNull();
        return e;
    }

    private static Recipe flooding(Map<String, Object> params, Fault... faults) {
        return Recipe.of("flooding", params, 1).withFaults(List.of(faults));
    }

    @Test
    void anUnknownProtocolIsNamed() {
        assertThat(rejection(Recipe.of("zab", Map.of(), 1)).getMessage())
                .isEqualTo("protocol: unknown protocol 'zab'; known: "
                        + Protocols.registry().all().stream().map(Protocol::id).toList());
    }

    @Test
    void aFaultAtAMissingNodeNamesTheFaultAndTheNode() {
        RecipeException e = rejection(flooding(SEVEN, Fault.at(0, FaultKind.CRASH, 1), Fault.at(0, FaultKind.CRASH, 2),
                Fault.at(5, FaultKind.CRASH, 9)));

        assertThat(e.getMessage()).isEqualTo("faults[2].target: node 9 does not exist (n=7)");
        assertThat(e.problems()).containsExactly(new RecipeException.Problem("faults[2].target", "node 9 does not exist (n=7)"));
    }

    @Test
    void tooManyNodesForTheBudgetNamesTheParameter() {
        Recipe recipe = flooding(Map.of("n", 10, "f", 1)).withBudgets(new Budgets(1000, 1000, 1000, 8, 1 << 20));

        assertThat(rejection(recipe).problems()).extracting(RecipeException.Problem::field).containsExactly("params.n");
        assertThat(rejection(recipe).getMessage()).contains("10 processes").contains("at most 8");
    }

    @Test
    void parametersOutOfRangeOfTheWrongTypeOrUnknownAreAllReported() {
        RecipeException e = rejection(flooding(Map.of("n", 100, "f", "two", "colour", "red", "values", List.of(1, 2.5))));

        assertThat(e.problems()).extracting(RecipeException.Problem::toString).containsExactlyInAnyOrder(
                "params.colour: is not a parameter of this protocol",
                "params.n: must be at most 64, got 100",
                "params.f: must be a whole number",
                "params.values: element 1 must be a whole number");
    }

    @Test
    void parametersThatDoNotFitTogetherAreRejectedByTheProtocol() {
        assertThat(rejection(flooding(Map.of("n", 3, "f", 3))).getMessage()).isEqualTo("params.f: must be less than n=3, got 3");
        assertThat(rejection(flooding(Map.of("n", 3, "f", 1, "values", List.of(1, 2)))).getMessage())
                .isEqualTo("params.values: must give one value per process (n=3), got 2");
    }

    @Test
    void faultsWithMissingOrBadParametersNameTheParameter() {
        RecipeException e = rejection(flooding(SEVEN,
                Fault.at(0, FaultKind.LINK_DOWN, 1),
                Fault.at(0, FaultKind.LINK_LOSS, 1, Map.of("to", 2, "probability", 1.5)),
                Fault.network(0, FaultKind.PARTITION, Map.of()),
                Fault.at(0, FaultKind.TIMING, 3),
                Fault.network(0, FaultKind.NETWORK, Map.of()),
                new Fault(null, null, FaultKind.CRASH, 1, Map.of()),
                new Fault(3L, null, null, 1, Map.of()),
                Fault.at(0, FaultKind.BYZANTINE, 1, Map.of("behaviour", "liar")),
                Fault.at(0, FaultKind.CRASH, 1, Map.of("afterSends", -1))));

        assertThat(e.problems()).extracting(RecipeException.Problem::toString).containsExactly(
                "faults[0].params.to: is required: a node id from 0 to 6",
                "faults[1].params.probability: must be a probability between 0 and 1, got 1.5",
                "faults[2].params.groups: is required: a list of groups, each a list of node ids",
                "faults[3].params: TIMING needs extraDelay (ticks) or timerFactor (>= 1), or both",
                "faults[4].params: NETWORK needs at least one of loss, duplication, fifo, delay",
                "faults[5]: needs exactly one of 'at' (virtual time) or 'atEvent' (event index)",
                "faults[6].kind: is required: one of " + List.of(FaultKind.values()),
                "faults[7].kind: protocol flooding has no Byzantine behaviours",
                "faults[8].params.afterSends: must be a whole number from 0 to 1000000, got -1");
    }

    @Test
    void faultParametersThatNoFaultReadsOrThatContradictTheFaultAreRejected() {
        RecipeException e = rejection(flooding(SEVEN,
                Fault.at(0, FaultKind.SEND_OMISSION, 1, Map.of("probabilty", 0.5, "duraton", 3)),
                Fault.at(0, FaultKind.RECOVER, 1, Map.of("state", "x")),
                Fault.at(0, FaultKind.HEAL, 3),
                Fault.at(0, FaultKind.CRASH, 1, Map.of("afterSends", 1, "reaches", List.of(2))),
                Fault.at(0, FaultKind.LINK_UP, 1, Map.of("to", 2, "oneWay", "yes")),
                Fault.at(0, FaultKind.LINK_DOWN, 4, Map.of("to", 4)),
                Fault.at(0, FaultKind.TIMING, 1, Map.of("timerFactor", Double.NaN))));

        assertThat(e.problems()).extracting(RecipeException.Problem::toString).containsExactly(
                "faults[0].params.duraton: is not a parameter of SEND_OMISSION; it takes [duration, probability]",
                "faults[0].params.probabilty: is not a parameter of SEND_OMISSION; it takes [duration, probability]",
                "faults[1].params.state: is not a parameter of RECOVER, which takes none",
                "faults[2].target: must be left out: HEAL acts on the whole network",
                "faults[3].params: give afterSends or reaches, not both",
                "faults[4].params.oneWay: must be true or false",
                "faults[5].params.to: must be another node than the target",
                "faults[6].params.timerFactor: must be a number from 1 to 1000, got NaN");
    }

    @Test
    void aNanProtocolParameterIsRejectedAndUnknownNamesComeSorted() {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("zeta", 1);
        params.put("rate", Double.NaN);
        params.put("alpha", 2);

        RecipeException e = catchThrowableOfType(RecipeException.class,
                () -> Params.check(List.of(ParamSpec.decimal("rate", 0, 1, 0.5, "a rate")), params, 1));

        assertThat(e.problems()).extracting(RecipeException.Problem::toString).containsExactly(
                "params.alpha: is not a parameter of this protocol",
                "params.zeta: is not a parameter of this protocol",
                "params.rate: must be a number, got NaN");
    }

    @Test
    void partitionGroupsAndBehaviourNamesAreChecked() {
        BehaviourSpec script = new BehaviourSpec("script", "lies", p -> Adversary.rewriting((ctx, to, m) -> m));
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> { }), script);
        Recipe recipe = new Recipe("test", Map.of("n", 4), 1, List.of(
                Fault.network(0, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0, 1), List.of(1, 7)))),
                Fault.at(0, FaultKind.BYZANTINE, 0, Map.of("behaviour", "chaos"))), null, null);

        RecipeException e = catchThrowableOfType(RecipeException.class,
                () -> Simulation.start(recipe, new ProtocolRegistry(List.of(protocol))));

        assertThat(e.problems()).extracting(RecipeException.Problem::toString).containsExactly(
                "faults[0].params.groups[1]: node 1 is in more than one group",
                "faults[0].params.groups[1]: node 7 does not exist (n=4)",
                "faults[1].params.behaviour: must be one of [script], got 'chaos'");
    }

    @Test
    void networkAndBudgetsAreChecked() {
        Recipe recipe = flooding(SEVEN)
                .withNetwork(new NetworkSpec(Delay.uniform(5, 2), 2, -1, true, List.of(new LinkSpec(0, 8, new Delay("gamma", 1, 1, 1), 0.5))))
                .withBudgets(new Budgets(0, 10, 10, 10, 10));

        assertThat(rejection(recipe).problems()).extracting(RecipeException.Problem::toString).containsExactly(
                "budgets.maxEvents: must be positive",
                "network.loss: must be a probability between 0 and 1, got 2.0",
                "network.duplication: must be a probability between 0 and 1, got -1.0",
                "network.delay: uniform delay needs 1 <= min <= max <= 10000000, got 5..2");
        Recipe badLink = flooding(SEVEN).withNetwork(NetworkSpec.reliable().withLinks(List.of(new LinkSpec(0, 8, new Delay("gamma", 1, 1, 1), 0.5))));
        assertThat(rejection(badLink).problems()).extracting(RecipeException.Problem::toString).containsExactly(
                "network.links[0].to: node 8 does not exist (n=7)",
                "network.links[0].delay.kind: must be constant, uniform or exponential, got 'gamma'");
    }

    @Test
    void aFaultInjectedLiveIsCheckedToo() {
        Simulation sim = Simulation.start(flooding(SEVEN), Protocols.registry());

        assertThatThrownBy(() -> sim.inject(Fault.at(0, FaultKind.RECOVER, 12)))
                .isInstanceOf(RecipeException.class).hasMessage("fault.target: node 12 does not exist (n=7)");
        assertThat(sim.recipe().faults()).isEmpty();
    }
}
