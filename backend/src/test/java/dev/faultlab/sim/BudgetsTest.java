package dev.faultlab.sim;

import dev.faultlab.sim.fixtures.Echo;
import dev.faultlab.sim.fixtures.Events;
import dev.faultlab.sim.fixtures.Runaway;
import dev.faultlab.sim.fixtures.Throwing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.fixtures.Fixtures.recipe;
import static dev.faultlab.sim.fixtures.Fixtures.run;
import static dev.faultlab.sim.fixtures.Fixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetsTest {
    private static final long BIG = Long.MAX_VALUE / 4;

    /** Two nodes answer each other forever, one tick apart. */
    private static final Protocol PING_PONG = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
        if (ctx.self() == 0) {
            ctx.send(1, new Num(0));
        }
    }).onMessage((ctx, from, m, s) -> ctx.send(from, new Num(((Num) m).value() + 1))));

    private static Simulation pingPong(Budgets budgets) {
        Simulation sim = Scripted.start(PING_PONG, 2, List.of(), NetworkSpec.reliable(), budgets, 1);
        assertThatCode(sim::runToEnd).doesNotThrowAnyException();
        return sim;
    }

    private static TraceEvent last(Simulation sim) {
        return sim.trace().event(sim.trace().size() - 1);
    }

    @Test
    void theEventBudgetEndsTheRunAndTheTraceSaysWhy() {
        Simulation sim = pingPong(new Budgets(50, BIG, 60_000, 64, BIG));

        assertThat(sim.endReason().code()).isEqualTo("budget.events");
        assertThat(sim.trace().size()).isBetween(51, 53);
        assertThat(last(sim)).extracting(TraceEvent::kind, TraceEvent::detail).containsExactly(EventKind.END, "budget.events");
        assertThat(last(sim).payload()).asString().contains("50 events");
    }

    @Test
    void theTimeBudgetStopsBeforeVirtualTimePassesIt() {
        Simulation sim = pingPong(new Budgets(BIG, 100, 60_000, 64, BIG));

        assertThat(sim.endReason().code()).isEqualTo("budget.time");
        assertThat(sim.now()).isEqualTo(100);
        assertThat(sim.trace().events()).allSatisfy(e -> assertThat(e.time()).isLessThanOrEqualTo(100));
    }

    @Test
    void theWallClockBudgetStopsARunThatWouldGoOnForever() {
        Simulation sim = pingPong(new Budgets(BIG, BIG, 30, 64, BIG));

        assertThat(sim.endReason().code()).isEqualTo("budget.wall");
        assertThat(last(sim).detail()).isEqualTo("budget.wall");
    }

    @Test
    void theWallClockBudgetAlsoCountsSingleSteps() {
        Simulation sim = start(recipe(Echo.ID, Map.of("n", 4, "waves", 100_000_000))
                .withBudgets(new Budgets(BIG, BIG, 20, 64, BIG)));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (sim.step() && System.nanoTime() < deadline) {
            // stepping as a paced live run does
        }
        assertThat(sim.endReason().code()).isEqualTo("budget.wall");
    }

    @Test
    void budgetsNearLongMaxValueDoNotOverflowIntoEndingTheRunAtOnce() {
        Simulation sim = run(recipe(Echo.ID, Map.of("n", 3, "waves", 2))
                .withBudgets(new Budgets(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 64, Long.MAX_VALUE)));

        assertThat(sim.endReason().completed()).isTrue();
        assertThat(sim.decisions()).hasSize(3);
    }

    @Test
    void theTraceSizeBudgetCountsBytes() {
        Simulation sim = pingPong(new Budgets(BIG, BIG, 60_000, 64, 100L * Trace.BYTES_PER_EVENT));

        assertThat(sim.endReason().code()).isEqualTo("budget.trace");
        assertThat(sim.trace().approximateBytes()).isLessThanOrEqualTo(103L * Trace.BYTES_PER_EVENT);
    }

    @Test
    void aHandlerThatNeverStopsSendingIsCutOff() {
        Protocol runaway = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            for (int i = 0; ; i++) {
                ctx.send((ctx.self() + 1) % ctx.n(), new Num(i));
            }
        }));
        Simulation sim = Scripted.start(runaway, 2, List.of(), NetworkSpec.reliable(), new Budgets(1000, BIG, 60_000, 64, BIG), 1);

        assertThatCode(sim::runToEnd).doesNotThrowAnyException();

        assertThat(sim.endReason().code()).isEqualTo("budget.events");
        assertThat(sim.trace().size()).isLessThan(20_000);
    }

    @Test
    void aHandlerThatSendsForeverIsCutOffEvenIfItSwallowsRuntimeExceptions() {
        Simulation sim = run(recipe(Runaway.ID, Map.of()).withBudgets(new Budgets(5000, BIG, 60_000, 64, BIG)));

        assertThat(sim.endReason().code()).isEqualTo("budget.events");
        assertThat(Events.count(sim, EventKind.SEND)).isGreaterThan(5000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"factory", "start", "message", "recursion"})
    void aProtocolThatThrowsAnywhereEndsTheRunWithAProtocolErrorAtThatProcess(String in) {
        Simulation sim = start(recipe(Throwing.ID, Map.of("in", in)));
        assertThatCode(sim::runToEnd).doesNotThrowAnyException();

        assertThat(sim.endReason().code()).isEqualTo("protocol-error");
        assertThat(sim.endReason().message()).startsWith("the protocol failed at P2: ");
        assertThat(sim.trace().event(sim.trace().size() - 2)).extracting(TraceEvent::kind, TraceEvent::node)
                .containsExactly(EventKind.NOTE, 1);
        assertThat(sim.processes()).hasSize(2);
    }

    @Test
    void aProtocolThatThrowsWhileRecoveringEndsTheRunToo() {
        Simulation sim = run(recipe(Throwing.ID, Map.of("in", "recover"))
                .withFault(Fault.at(0, FaultKind.CRASH, 1)).withFault(Fault.at(3, FaultKind.RECOVER, 1)));

        assertThat(sim.endReason().code()).isEqualTo("protocol-error");
        assertThat(sim.endReason().message()).contains("bad recovery");
    }

    @Test
    void aProtocolErrorCausedByAFaultAtAnEventIndexIsContained() {
        Simulation sim = start(recipe(Throwing.ID, Map.of("in", "recover"))
                .withFault(Fault.at(0, FaultKind.CRASH, 1)).withFault(new Fault(null, 3L, FaultKind.RECOVER, 1, Map.of())));
        assertThatCode(sim::runToEnd).doesNotThrowAnyException();

        assertThat(sim.endReason().message()).contains("bad recovery");
    }

    @Test
    void aProtocolErrorInALiveInjectionIsContainedToo() {
        Simulation sim = start(recipe(Throwing.ID, Map.of("in", "recover")).withFault(Fault.at(0, FaultKind.CRASH, 1)));
        sim.step();

        assertThatCode(() -> sim.inject(Fault.at(0, FaultKind.RECOVER, 1))).doesNotThrowAnyException();

        assertThat(sim.endReason().code()).isEqualTo("protocol-error");
        assertThatThrownBy(() -> sim.inject(Fault.at(0, FaultKind.CRASH, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the run has ended");
    }

    @Test
    void anErrorOtherThanAStackOverflowIsAProtocolErrorToo() {
        Protocol asserting = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            throw new AssertionError("invariant broken");
        }));
        Simulation sim = Scripted.start(asserting, 1, List.of(), NetworkSpec.reliable(), Budgets.defaults(), 1);

        assertThatCode(sim::runToEnd).doesNotThrowAnyException();

        assertThat(sim.endReason().code()).isEqualTo("protocol-error");
        assertThat(sim.endReason().message()).contains("AssertionError: invariant broken");
    }

    @Test
    void aProtocolThatThrowsEndsTheRunWithTheReason() {
        Protocol throwing = Scripted.async(Scripted.Async.onStart((ctx, s) -> ctx.send((ctx.self() + 1) % 2, new Num(0)))
                .onMessage((ctx, from, m, s) -> {
                    if (ctx.self() == 1) {
                        throw new IllegalStateException("boom");
                    }
                }));
        Simulation sim = Scripted.start(throwing, 2, List.of(), NetworkSpec.reliable(), Budgets.defaults(), 1);

        assertThatCode(sim::runToEnd).doesNotThrowAnyException();

        assertThat(sim.endReason().code()).isEqualTo("protocol-error");
        assertThat(sim.endReason().message()).contains("P2").contains("IllegalStateException: boom");
        TraceEvent note = sim.trace().event(sim.trace().size() - 2);
        assertThat(note).extracting(TraceEvent::kind, TraceEvent::node).containsExactly(EventKind.NOTE, 1);
        assertThat(sim.step()).isFalse();
    }

    @Test
    void endlessRecursionInAProtocolIsContainedToo() {
        Protocol recursive = Scripted.async(Scripted.Async.onStart((ctx, s) -> recurse(1)));
        Simulation sim = Scripted.start(recursive, 1, List.of(), NetworkSpec.reliable(), Budgets.defaults(), 1);

        assertThatCode(sim::runToEnd).doesNotThrowAnyException();

        assertThat(sim.endReason().code()).isEqualTo("protocol-error");
        assertThat(sim.endReason().message()).contains("StackOverflowError");
    }

    @Test
    void aProcessFactoryOrRecoveryThatThrowsEndsTheRunInsteadOfEscaping() {
        Protocol brokenFactory = new ProtocolOf(node -> {
            throw new IllegalArgumentException("no process " + node);
        });
        Protocol brokenRecovery = Scripted.async(Scripted.Async.onStart((ctx, s) -> ctx.setTimer("t", 1))
                .onRecover((ctx, s) -> {
                    throw new IllegalStateException("cannot recover");
                }));

        Simulation notStarted = Scripted.start(brokenFactory, 2, List.of(), NetworkSpec.reliable(), Budgets.defaults(), 1);
        Simulation live = Scripted.start(brokenRecovery, 2, List.of(Fault.at(0, FaultKind.CRASH, 1)), NetworkSpec.reliable(), Budgets.defaults(), 1);
        live.runUntilEvents(3);
        assertThatCode(() -> live.inject(Fault.at(0, FaultKind.RECOVER, 1))).doesNotThrowAnyException();

        assertThat(notStarted.ended()).isTrue();
        assertThat(notStarted.endReason().message()).contains("P1").contains("no process 0");
        assertThat(notStarted.step()).isFalse();
        assertThat(live.endReason().message()).contains("P2").contains("cannot recover");
        assertThat(live.processes().get(1).state()).containsExactly(java.util.Map.entry("received", List.of()));
    }

    @Test
    void aStateViewThatThrowsShowsTheErrorInsteadOfFailingTheInspector() {
        Protocol badView = new ProtocolOf(node -> new AsyncProcess() {
            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }

            @Override
            public java.util.Map<String, Object> view() {
                throw new UnsupportedOperationException("no view");
            }
        });

        Simulation sim = Scripted.run(badView, 1, List.of());

        assertThat(sim.processes().get(0).state()).containsEntry("viewError", "java.lang.UnsupportedOperationException: no view");
    }

    /** A one-parameter asynchronous protocol built from a process factory. */
    private record ProtocolOf(java.util.function.IntFunction<AsyncProcess> factory) implements Protocol {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public String title() {
            return "test";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("n", 1, 8, 1, "processes"));
        }

        @Override
        public Setup setup(Params params) {
            return Setup.async(params.getInt("n"), factory);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void aServerCapsWhatARecipeAsksFor() {
        Budgets asked = new Budgets(5_000_000, 100, 60_000, 8, 1L << 20);
        Budgets limit = new Budgets(1_000_000, 1_000, 10_000, 32, 1L << 30);

        assertThat(asked.capTo(limit)).isEqualTo(new Budgets(1_000_000, 100, 10_000, 8, 1L << 20));
    }

    @Test
    void aRunWithNothingLeftToDoCompletes() {
        Protocol quiet = Scripted.async(Scripted.Async.onStart((ctx, s) -> ctx.decide(ctx.self())));

        Simulation sim = Scripted.run(quiet, 3, List.of());

        assertThat(sim.endReason().completed()).isTrue();
        assertThat(sim.decisions()).containsExactly(java.util.Map.entry(0, 0), java.util.Map.entry(1, 1), java.util.Map.entry(2, 2));
    }
}
