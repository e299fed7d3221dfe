package dev.faultlab.sim;

import dev.faultlab.run.RunCodec;
import dev.faultlab.sim.fixtures.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduler seam: a recorded list of choices replays an order; message actions let a student be the network. */
class SchedulerTest {
    /** P0 sends 1, 2 and 3 to P1 at the start (messages 0, 1, 2, all due at time 2); P1 writes down what arrives. */
    private static final Protocol THREE_SENDS = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
        if (ctx.self() == 0) {
            ctx.send(1, new Num(1));
            ctx.send(1, new Num(2));
            ctx.send(1, new Num(3));
        }
    }));
    private static final ProtocolRegistry REGISTRY = new ProtocolRegistry(List.of(THREE_SENDS));
    private static final Recipe RECIPE = new Recipe("test", Map.of("n", 2), 1, List.of(),
            new NetworkSpec(Delay.constant(2), 0, 0, true), null);

    private static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, REGISTRY);
        sim.runToEnd();
        return sim;
    }

    private static List<Object> delivered(Simulation sim) {
        return Events.of(sim, EventKind.DELIVER).stream().map(TraceEvent::payload).toList();
    }

    @Test
    void theSchedulerChoosesAmongTheEnabledItemsInTheClocksOrder() {
        Simulation sim = Simulation.start(RECIPE, REGISTRY);
        assertThat(sim.enabled()).extracting(Enabled::kind, Enabled::node).containsExactly(
                org.assertj.core.groups.Tuple.tuple("start", 0), org.assertj.core.groups.Tuple.tuple("start", 1));
        sim.runUntilEvents(3);

        assertThat(sim.enabled()).extracting(Enabled::kind, Enabled::message, Enabled::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple("start", -1, 0L), org.assertj.core.groups.Tuple.tuple("deliver", 0, 2L),
                org.assertj.core.groups.Tuple.tuple("deliver", 1, 2L), org.assertj.core.groups.Tuple.tuple("deliver", 2, 2L));
    }

    @Test
    void aRecordedScheduleReplaysItsOrderAndSurvivesJson() {
        // Start P0, start P1, then the third of the three deliveries, then the rest in the clock's order.
        Recipe reordered = RECIPE.withSchedule(List.of(0, 0, 2));
        Simulation sim = run(reordered);

        assertThat(delivered(sim)).containsExactly(new Num(3), new Num(1), new Num(2));
        Simulation again = run(RunCodec.recipe(RunCodec.recipeJson(reordered)));
        assertThat(again.trace().events()).isEqualTo(sim.trace().events());
        assertThat(delivered(run(RECIPE))).containsExactly(new Num(1), new Num(2), new Num(3));
    }

    @Test
    void aChoiceOutsideTheEnabledItemsEndsTheRunSayingSo() {
        Simulation sim = run(RECIPE.withSchedule(List.of(0, 7)));

        assertThat(sim.endReason().code()).isEqualTo("schedule");
        assertThat(sim.endReason().message()).contains("choice 7 is not one of the 4 items");
    }

    private static Fault action(FaultKind kind, int message) {
        return new Fault(null, null, kind, null, Map.of("message", message));
    }

    @Test
    void aHeldMessageArrivesOnlyOnceReleasedAndTheLiveRunIsItsReplay() {
        Simulation live = Simulation.start(RECIPE, REGISTRY);
        live.runUntilEvents(3);
        live.inject(action(FaultKind.HOLD, 0));
        live.runUntilEvents(live.trace().size() + 2);
        assertThat(delivered(live)).containsExactly(new Num(2), new Num(3));
        assertThat(live.held()).extracting(Enabled::message).containsExactly(0);

        live.inject(action(FaultKind.RELEASE, 0));
        live.runToEnd();

        assertThat(delivered(live)).containsExactly(new Num(2), new Num(3), new Num(1));
        assertThat(run(live.recipe()).trace().events()).isEqualTo(live.trace().events());
    }

    @Test
    void deliverNowDropAndDuplicateActOnOneMessage() {
        Simulation live = Simulation.start(RECIPE, REGISTRY);
        live.runUntilEvents(3);
        live.inject(action(FaultKind.DELIVER, 2));
        live.inject(action(FaultKind.DROP, 0));
        live.inject(action(FaultKind.DUPLICATE, 1));
        live.runToEnd();

        assertThat(delivered(live)).containsExactly(new Num(3), new Num(2), new Num(2));
        assertThat(Events.dropped(live, "dropped by hand")).extracting(TraceEvent::message).containsExactly(0);
        assertThat(Events.where(live, e -> e.kind() == EventKind.DELIVER && e.message() == 2).get(0).time()).isEqualTo(0L);
        assertThat(run(live.recipe()).trace().events()).isEqualTo(live.trace().events());
    }

    @Test
    void anActionOnAMessageNotInFlightIsRefusedLiveAndDoesNothingInARecipe() {
        Simulation live = Simulation.start(RECIPE, REGISTRY);
        live.runToEnd();
        Simulation paused = Simulation.start(RECIPE, REGISTRY);
        paused.runUntilEvents(3);

        assertThatThrownBy(() -> paused.inject(action(FaultKind.RELEASE, 1)))
                .isInstanceOf(RecipeException.class).hasMessageContaining("fault.params.message: message 1 is not held");
        assertThatThrownBy(() -> paused.inject(action(FaultKind.DROP, 9)))
                .hasMessageContaining("message 9 is not in flight");
        Simulation planned = run(RECIPE.withFault(new Fault(null, 3L, FaultKind.DROP, null, Map.of("message", 9))));
        assertThat(Events.of(planned, EventKind.FAULT).get(0).detail()).isEqualTo("DROP: message 9 is not in flight");
        assertThat(delivered(planned)).hasSize(3);
        assertThatThrownBy(() -> run(RECIPE.withFault(new Fault(null, 3L, FaultKind.DROP, null, Map.of()))))
                .hasMessageContaining("faults[0].params.message: is required");
    }
}
