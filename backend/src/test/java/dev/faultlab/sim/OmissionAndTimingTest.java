package dev.faultlab.sim;

import dev.faultlab.sim.fixtures.Counter;
import dev.faultlab.sim.fixtures.Echo;
import dev.faultlab.sim.fixtures.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.fixtures.Fixtures.recipe;
import static dev.faultlab.sim.fixtures.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OmissionAndTimingTest {
    private static final Recipe ECHO = recipe(Echo.ID, Map.of("n", 6, "waves", 30));

    @Test
    void sendOmissionDropsEveryOutgoingMessageByDefault() {
        Simulation sim = run(recipe(Echo.ID, Map.of("n", 3)).withFault(Fault.at(0, FaultKind.SEND_OMISSION, 1)));

        assertThat(Events.dropped(sim, "send omission")).isNotEmpty().allSatisfy(drop -> assertThat(drop.node()).isEqualTo(1));
        assertThat(Events.where(sim, e -> e.kind() == EventKind.DELIVER && e.peer() == 1)).isEmpty();
        assertThat(sim.faultyNodes().stream().boxed().toList()).containsExactly(1);
    }

    @Test
    void aLaterFaultOfTheSameKindIsNotEndedByAnEarlierOnesDuration() {
        Simulation sim = run(recipe(Counter.ID, Map.of("n", 2, "period", 1, "limit", 60)).withFaults(List.of(
                Fault.at(0, FaultKind.SEND_OMISSION, 1, Map.of("duration", 10)),
                Fault.at(5, FaultKind.SEND_OMISSION, 1, Map.of("duration", 30)))));

        assertThat(Events.dropped(sim, "send omission")).extracting(TraceEvent::time)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(1, 35).boxed().toList());
        assertThat(Events.where(sim, e -> e.kind() == EventKind.NOTE && "fault ended".equals(e.detail())))
                .extracting(TraceEvent::time).containsExactly(35L);
    }

    @Test
    void omissionDrawsDoNotDisturbTheProtocolsOwnRandomNumbers() {
        // P2 draws its timer jitter from ctx.random(); a receive omission at P2 must not shift those draws.
        Recipe base = recipe(Counter.ID, Map.of("n", 3, "limit", 20, "jitter", 10));
        Simulation plain = run(base);
        Simulation omitting = run(base.withFault(Fault.at(0, FaultKind.RECEIVE_OMISSION, 2, Map.of("probability", 0.5))));

        assertThat(Events.dropped(omitting, "receive omission")).isNotEmpty();
        assertThat(Events.of(omitting, EventKind.TIMER)).extracting(TraceEvent::node, TraceEvent::time)
                .isEqualTo(Events.of(plain, EventKind.TIMER).stream().map(e -> tuple(e.node(), e.time())).toList());
    }

    @Test
    void timingExtraDelayLengthensEveryMessageOfTheNode() {
        Simulation sim = run(recipe(Echo.ID, Map.of("n", 3))
                .withFault(Fault.at(0, FaultKind.TIMING, 1, Map.of("extraDelay", 7))));

        assertThat(Events.of(sim, EventKind.DELIVER)).allSatisfy(d -> {
            long delay = d.time() - sim.trace().time(d.parent());
            assertThat(delay).isEqualTo(d.peer() == 1 ? 8 : 1);
        });
        assertThat(sim.faultyNodes().get(1)).isTrue();
    }

    @Test
    void timingTimerFactorSlowsTimersUntilTheFaultEnds() {
        Simulation sim = run(recipe(Counter.ID, Map.of("period", 10, "limit", 4))
                .withFault(Fault.at(5, FaultKind.TIMING, 0, Map.of("timerFactor", 3.0, "duration", 40))));

        // Set at 0 (normal): fires 10. Set at 10 (slowed): 40. Set at 40 (slowed, fault ends at 45): 70. Then 80.
        assertThat(Events.of(sim, EventKind.TIMER)).extracting(TraceEvent::time).containsExactly(10L, 40L, 70L, 80L);
    }
}
