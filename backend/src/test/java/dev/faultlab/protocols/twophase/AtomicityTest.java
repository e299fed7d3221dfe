package dev.faultlab.protocols.twophase;

import dev.faultlab.check.Verdict;
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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicityTest {

    /** A broken commit protocol: P0 commits at t=0, P1 aborts at t=3. */
    private static final class SplitDecision implements Protocol {
        @Override
        public String id() {
            return "split";
        }

        @Override
        public String title() {
            return "split decision";
        }

        @Override
        public String description() {
            return "decides COMMIT at P1 and ABORT at P2";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public Setup setup(Params params) {
            return Setup.async(2, node -> new AsyncProcess() {
                @Override
                public void onStart(Context ctx) {
                    ctx.setTimer("decide", node == 0 ? 1 : 3);
                }

                @Override
                public void onTimer(Context ctx, String timer) {
                    ctx.decide(node == 0 ? "COMMIT" : "ABORT");
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
    }

    private static Simulation runSplit(List<Fault> faults) {
        Simulation sim = Simulation.start(Recipe.of("split", Map.of(), 1).withFaults(faults),
                new ProtocolRegistry(List.of(new SplitDecision())));
        sim.runToEnd();
        return sim;
    }

    @Test
    void commitAtOneProcessAndAbortAtAnotherIsAViolationWithBothDecisionsAsWitnesses() {
        Simulation sim = runSplit(List.of());

        Verdict verdict = Atomicity.check(sim);

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.explanation()).isEqualTo("P1 committed at t=1 but P2 aborted at t=3");
        assertThat(verdict.witnesses()).hasSize(2)
                .allSatisfy(seq -> assertThat(sim.trace().kind(seq)).isEqualTo(EventKind.DECIDE));
    }

    @Test
    void aProcessThatCommittedAndThenCrashedStillCounts() {
        Simulation sim = runSplit(List.of(Fault.at(2, FaultKind.CRASH, 0)));

        assertThat(sim.faultyNodes().get(0)).isTrue();
        assertThat(Atomicity.check(sim).holds()).isFalse();
    }

    @Test
    void aProtocolRunWhereEveryoneAbortsHolds() {
        Simulation sim = TwoPhaseRuns.run(Map.of("participants", 2, "votes", List.of("abort", "commit")), List.of());

        Verdict verdict = Atomicity.check(sim);

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.explanation()).isEqualTo("every process that decided chose ABORT");
    }
}
