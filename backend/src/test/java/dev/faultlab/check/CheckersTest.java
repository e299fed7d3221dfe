package dev.faultlab.check;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Setup;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.fixtures.Counter;
import dev.faultlab.sim.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CheckersTest {
    /** Node i decides decisions[i] at time 10*(i+1), or never if it is negative. */
    private static final Protocol DECIDER = new Protocol() {
        @Override
        public String id() {
            return "decider";
        }

        @Override
        public String title() {
            return "decider";
        }

        @Override
        public String description() {
            return "decides what the recipe says";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.intList("decisions", -1, 100, "what each node decides; -1 for nothing"));
        }

        @Override
        public Setup setup(Params params) {
            List<Integer> decisions = params.getIntList("decisions").orElseThrow();
            return Setup.async(decisions.size(), node -> new AsyncProcess() {
                @Override
                public void onStart(Context ctx) {
                    ctx.setTimer("decide", 10L * (node + 1));
                }

                @Override
                public void onTimer(Context ctx, String timer) {
                    if (decisions.get(node) >= 0) {
                        ctx.decide(decisions.get(node));
                    }
                }

                @Override
                public void onMessage(Context ctx, int from, Message message) {
                }

                @Override
                public Map<String, Object> view() {
                    return Map.of();
                }
            });
        }
    };
    private static final ProtocolRegistry REGISTRY = new ProtocolRegistry(List.of(DECIDER));

    private static Recipe deciding(List<Integer> decisions, Fault... faults) {
        return Recipe.of("decider", Map.of("decisions", decisions), 1).withFaults(List.of(faults));
    }

    private static Simulation run(List<Integer> decisions, Fault... faults) {
        Simulation sim = Simulation.start(deciding(decisions, faults), REGISTRY);
        sim.runToEnd();
        return sim;
    }

    @Test
    void agreementHoldsWhenCorrectProcessesDecideAlike() {
        Verdict verdict = Agreement.check(run(List.of(4, 4, 4)));

        assertThat(verdict).isEqualTo(Verdict.holds("agreement", "every correct process that decided chose 4"));
    }

    @Test
    void disagreementIsReportedWithBothDecisionsAsWitnesses() {
        Simulation sim = run(List.of(4, 4, 5));

        Verdict verdict = Agreement.check(sim);

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.explanation()).isEqualTo("P1 decided 4 but P3 decided 5");
        assertThat(verdict.witnesses()).hasSize(2).allSatisfy(seq -> assertThat(sim.trace().kind(seq)).isEqualTo(EventKind.DECIDE));
        assertThat(sim.trace().event(verdict.witnesses().get(1)).node()).isEqualTo(2);
    }

    @Test
    void faultyProcessesAreExemptFromAgreement() {
        Simulation sim = run(List.of(4, 4, 5), Fault.at(35, FaultKind.SEND_OMISSION, 2));

        assertThat(Agreement.check(sim).holds()).isTrue();
    }

    @Test
    void validityRejectsADecisionThatWasNoInput() {
        Simulation sim = run(List.of(1, 2, 9));

        Verdict verdict = Validity.check(sim, List.of(1, 2, 3));

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.explanation()).isEqualTo("P3 decided 9, which no process proposed (inputs [1, 2, 3])");
        assertThat(sim.trace().event(verdict.witnesses().get(0)).payload()).isEqualTo(9);
        assertThat(Validity.check(sim, List.of(1, 2, 9)).holds()).isTrue();
    }

    @Test
    void terminationNamesTheCorrectProcessesThatNeverDecided() {
        Simulation sim = run(List.of(1, -1, -1), Fault.at(0, FaultKind.CRASH, 2));

        Verdict verdict = Termination.check(sim);

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.explanation()).isEqualTo("correct processes [P2] never decided");
        assertThat(verdict.witnesses()).containsExactly(sim.trace().size() - 1);
    }

    @Test
    void terminationWithADeadlineFlagsLateDecisions() {
        Simulation sim = run(List.of(1, 1, 1));

        assertThat(Termination.check(sim, 30).holds()).isTrue();
        Verdict late = Termination.check(sim, 25);
        assertThat(late.holds()).isFalse();
        assertThat(late.witnesses()).singleElement().satisfies(seq -> assertThat(sim.trace().time(seq)).isEqualTo(30));
    }

    @Test
    void theExplorerReturnsTheFirstRecipeThatBreaksAProperty() {
        List<Recipe> candidates = IntStream.rangeClosed(0, 5)
                .mapToObj(i -> deciding(List.of(3, 3, i))).toList();

        Optional<Counterexample> found = Explorer.search(REGISTRY, candidates.stream(), Agreement::check);

        assertThat(found).get().satisfies(c -> {
            assertThat(c.recipe()).isEqualTo(candidates.get(0));
            assertThat(c.tried()).isEqualTo(1);
            assertThat(c.verdict().holds()).isFalse();
        });
        assertThat(Explorer.search(REGISTRY, candidates.stream().skip(3).limit(1), Agreement::check)).isEmpty();
    }

    @Test
    void aProcessWithAnOmissionFaultIsNotHeldToTheProperties() {
        Simulation sim = Fixtures.run(Fixtures.recipe(Counter.ID, Map.of("n", 2, "limit", 3))
                .withBudgets(new dev.faultlab.sim.Budgets(1000, 25, 1000, 8, 1 << 20))
                .withFault(Fault.at(0, FaultKind.RECEIVE_OMISSION, 1)));

        assertThat(Termination.check(sim).explanation()).isEqualTo("correct processes [P1] never decided");
    }
}
