package dev.faultlab.protocols.echo;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EchoProtocolTest {
    private static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runToEnd();
        return sim;
    }

    private static long count(Simulation sim, EventKind kind) {
        return sim.trace().events().stream().filter(e -> e.kind() == kind).count();
    }

    @Test
    void onAReliableNetworkEveryWaveIsOnePingAndOneEchoPerPair() {
        Simulation sim = run(Recipe.of(EchoProtocol.ID, Map.of("n", 5, "waves", 4), 1));

        assertThat(count(sim, EventKind.DELIVER)).isEqualTo(5 * 4 * 2 * 4);
        assertThat(sim.decisions()).hasSize(5).containsValue(4);
        assertThat(count(sim, EventKind.TIMER)).isZero();
    }

    @Test
    void retriesCarryTheWavesThroughALossyNetwork() {
        Recipe lossy = Recipe.of(EchoProtocol.ID, Map.of("n", 4, "waves", 3, "retry", 10), 3)
                .withNetwork(new NetworkSpec(Delay.uniform(1, 4), 0.3, 0, true));

        Simulation sim = run(lossy);

        assertThat(count(sim, EventKind.DROP)).isPositive();
        assertThat(count(sim, EventKind.TIMER)).isPositive();
        assertThat(sim.decisions()).containsOnlyKeys(0, 1, 2, 3).containsValue(3);
    }

    @Test
    void aRecoveredProcessResumesTheWaveItHadReached() {
        Recipe recipe = Recipe.of(EchoProtocol.ID, Map.of("n", 3, "waves", 5, "retry", 5), 1)
                .withFaults(List.of(Fault.at(6, FaultKind.CRASH, 0), Fault.at(30, FaultKind.RECOVER, 0)));

        Simulation sim = run(recipe);

        assertThat(sim.processes().get(0).stable()).containsEntry("wave", 5);
        assertThat(sim.trace().events()).filteredOn(e -> e.kind() == EventKind.SEND && e.node() == 0 && e.time() == 30)
                .extracting(e -> ((Ping) e.payload()).wave()).containsOnly(3);
        assertThat(sim.decisions()).containsOnlyKeys(0, 1, 2);
    }

    @Test
    void aPeerThatNeverRecoversStallsEveryoneElsesWaveUntilABudgetEndsTheRun() {
        Recipe recipe = Recipe.of(EchoProtocol.ID, Map.of("n", 3, "waves", 2, "retry", 10), 1)
                .withFault(Fault.at(0, FaultKind.CRASH, 2))
                .withBudgets(new Budgets(3_000, 10_000_000, 60_000, 64, 64L << 20));

        Simulation sim = run(recipe);

        assertThat(sim.endReason().code()).isEqualTo("budget.events");
        assertThat(sim.decisions()).isEmpty();
        assertThat(sim.processes().get(0).state()).containsEntry("wave", 1).containsEntry("waitingFor", List.of(2));
        assertThat(sim.trace().events()).filteredOn(e -> e.kind() == EventKind.DROP)
                .extracting(TraceEvent::detail).containsOnly("receiver crashed").hasSizeGreaterThan(100);
    }
}
