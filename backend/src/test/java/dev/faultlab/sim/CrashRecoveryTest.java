package dev.faultlab.sim;

import dev.faultlab.sim.fixtures.Counter;
import dev.faultlab.sim.fixtures.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.fixtures.Fixtures.recipe;
import static dev.faultlab.sim.fixtures.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class CrashRecoveryTest {
    private static final Recipe COUNTER = recipe(Counter.ID, Map.of("period", 10, "limit", 5));

    private static List<Long> timerTimes(Simulation sim) {
        return Events.of(sim, EventKind.TIMER).stream().map(TraceEvent::time).toList();
    }

    @Test
    void aTimerOfTheOldIncarnationNeverFires() {
        // Crash and recover between two ticks: the timer due at 20 belongs to the crashed incarnation.
        Simulation sim = run(recipe(Counter.ID, Map.of("period", 10, "resume", false))
                .withFaults(List.of(Fault.at(12, FaultKind.CRASH, 0), Fault.at(15, FaultKind.RECOVER, 0))));

        assertThat(timerTimes(sim)).containsExactly(10L);
        assertThat(sim.endReason().completed()).isTrue();
    }

    @Test
    void aCrashOrRecoveryOfANodeAlreadyInThatStateChangesNothing() {
        Simulation sim = run(COUNTER.withFaults(List.of(Fault.at(5, FaultKind.RECOVER, 0), Fault.at(25, FaultKind.CRASH, 0),
                Fault.at(27, FaultKind.CRASH, 0, Map.of("afterSends", 1)), Fault.at(30, FaultKind.RECOVER, 0))));

        assertThat(Events.count(sim, EventKind.FAULT)).isEqualTo(4);
        assertThat(Events.count(sim, EventKind.CRASH)).isEqualTo(1);
        assertThat(Events.count(sim, EventKind.RECOVER)).isEqualTo(1);
        // The CRASH at 27 hit a crashed node; it must not arm a crash for the recovered one.
        assertThat(sim.processes().get(0).up()).isTrue();
    }

    @Test
    void aCrashOnANodeThatIsAlreadyDownDoesNotArmACrashForItsNextLife() {
        Protocol sendsOnRecovery = Scripted.async(Scripted.Async.onStart((ctx, s) -> { }).onRecover((ctx, s) -> {
            ctx.send(1, new Num(1));
            ctx.send(1, new Num(2));
        }));
        Simulation sim = Scripted.run(sendsOnRecovery, 2, List.of(Fault.at(1, FaultKind.CRASH, 0),
                Fault.at(2, FaultKind.CRASH, 0, Map.of("afterSends", 1)), Fault.at(3, FaultKind.RECOVER, 0)));

        assertThat(Events.where(sim, e -> e.kind() == EventKind.SEND && e.node() == 0)).hasSize(2);
        assertThat(Events.count(sim, EventKind.CRASH)).isEqualTo(1);
        assertThat(sim.processes().get(0).up()).isTrue();
    }

    @Test
    void aCrashPartWayThroughAHandlerStopsTheHandlerThere() {
        Protocol writesAfterSending = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.send(1, new Num(1));
                ctx.stable().put("after the crash", true);
                ctx.send(1, new Num(2));
            }
        }));
        Simulation sim = Scripted.run(writesAfterSending, 2, List.of(Fault.at(0, FaultKind.CRASH, 0, Map.of("afterSends", 1))));

        assertThat(sim.processes().get(0).stable()).isEmpty();
        assertThat(Events.of(sim, EventKind.SEND)).singleElement().extracting(TraceEvent::payload).isEqualTo(new Num(1));
        assertThat(Events.of(sim, EventKind.DELIVER)).singleElement().extracting(TraceEvent::node).isEqualTo(1);
    }
}
