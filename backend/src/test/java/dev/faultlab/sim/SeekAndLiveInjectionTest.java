package dev.faultlab.sim;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.fixtures.Counter;
import dev.faultlab.sim.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeekAndLiveInjectionTest {
    private static final Recipe ECHO = new Recipe("echo", Map.of("n", 4, "waves", 3, "retry", 7), 42,
            List.of(Fault.at(3, FaultKind.CRASH, 2), Fault.at(20, FaultKind.RECOVER, 2)),
            new NetworkSpec(Delay.uniform(1, 4), 0.1, 0.05, true), null);

    @Test
    void seekShowsExactlyTheStatesTheLiveRunShowedAfterEachStep() {
        Simulation live = Simulation.start(ECHO, Protocols.registry());
        List<Integer> lastEvent = new ArrayList<>();
        List<List<ProcessStatus>> seen = new ArrayList<>();
        while (live.step()) {
            lastEvent.add(live.trace().size() - 1);
            seen.add(live.processes());
        }

        assertThat(seen).hasSizeGreaterThan(50);
        for (int i = 0; i < seen.size(); i += 7) {
            assertThat(Simulation.processesAt(ECHO, Protocols.registry(), lastEvent.get(i)))
                    .as("state at event %d", lastEvent.get(i)).isEqualTo(seen.get(i));
        }
        assertThat(seen.stream().map(s -> s.get(2).up()).distinct()).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aFaultInjectedLiveLandsInTheRecipeAndReplaysToTheSameTrace() {
        Simulation live = Simulation.start(ECHO, Protocols.registry());
        live.runUntilEvents(40);
        int index = live.trace().size();

        Fault recorded = live.inject(new Fault(null, null, FaultKind.CRASH, 1, Map.of()));
        live.runUntilEvents(90);
        live.inject(Fault.at(0, FaultKind.RECOVER, 1));
        live.runToEnd();

        assertThat(recorded).isEqualTo(new Fault(null, (long) index, FaultKind.CRASH, 1, Map.of()));
        assertThat(live.trace().event(index).payload()).isEqualTo(recorded);
        assertThat(live.recipe().faults()).hasSize(4).contains(recorded);
        Simulation replay = Simulation.start(live.recipe(), Protocols.registry());
        replay.runToEnd();
        assertThat(replay.trace().events()).isEqualTo(live.trace().events());
    }

    @Test
    void seekingToAnInjectedFaultGivesTheStateRightAfterTheInjection() {
        Simulation live = Fixtures.start(Fixtures.recipe(Counter.ID, Map.of("limit", 5)));
        live.runUntilEvents(3);
        live.inject(Fault.at(0, FaultKind.CRASH, 0));
        List<ProcessStatus> afterCrash = live.processes();
        int crashEvent = live.trace().size() - 1;
        live.inject(Fault.at(0, FaultKind.RECOVER, 0));

        assertThat(Simulation.processesAt(live.recipe(), Fixtures.REGISTRY, crashEvent)).isEqualTo(afterCrash);
        assertThat(Simulation.processesAt(live.recipe(), Fixtures.REGISTRY, crashEvent + 2)).isEqualTo(live.processes());
    }

    @Test
    void anInjectionThatUsesUpTheEventBudgetEndsLiveAndReplayAlike() {
        Simulation live = Fixtures.start(Fixtures.recipe(dev.faultlab.sim.fixtures.Echo.ID, Map.of("n", 3))
                .withBudgets(new Budgets(8, 1000, 10_000, 8, 1 << 20)));
        live.runUntilEvents(6);
        live.inject(Fault.at(0, FaultKind.CRASH, 2));

        assertThat(live.endReason().code()).isEqualTo("budget.events");
        assertThat(Fixtures.run(live.recipe()).trace().events()).isEqualTo(live.trace().events());
    }

    @Test
    void anEndedRunTakesNoMoreFaults() {
        Simulation sim = Simulation.start(ECHO, Protocols.registry());
        sim.runToEnd();

        assertThatThrownBy(() -> sim.inject(Fault.at(0, FaultKind.CRASH, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has ended");
    }
}
