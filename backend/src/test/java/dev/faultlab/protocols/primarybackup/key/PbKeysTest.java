package dev.faultlab.protocols.primarybackup.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.primarybackup.PrimaryBackup;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The primary-backup keys read from runs what the lecture argues: the safe timeout, the surviving updates, the lost one. */
class PbKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    @ParameterizedTest
    @CsvSource({"10, 5", "8, 3", "12, 6"})
    void theSafeTimeoutFoundByRunningIsTheHeartbeatPeriodPlusTheDelayBound(int heartbeat, int delta) {
        Reference reference = reference(scenario(heartbeat, delta, List.of()));
        assertThat(new SafeTimeoutKey().expected(reference, Map.of())).isEqualTo(heartbeat + delta);
    }

    @Test
    void anUpdateSyncedBeforeTheCrashSurvivesAndOneNotYetSyncedDoesNot() {
        Recipe base = scenario(10, 5, List.of());
        Simulation plain = Simulation.start(base, REGISTRY);
        plain.runToEnd();
        // Crash P1 right after it sends the sync of request 3, before the backup has it.
        int sync = plain.trace().events().stream().filter(e -> e.node() == 0 && e.kind() == dev.faultlab.sim.EventKind.SEND
                && e.payload() instanceof dev.faultlab.protocols.primarybackup.StateUpdate update && update.seq() == 3)
                .findFirst().orElseThrow().seq();
        Grid grid = new SurvivorsKey().expected(reference(base.withFaults(List.of(new Fault(null, (long) sync, FaultKind.CRASH, 0,
                Map.of())))), Map.of());

        assertThat(grid.values()).containsEntry("P3-1/acknowledged", "yes").containsEntry("P3-1/survives", "yes")
                .containsEntry("P3-2/survives", "yes").containsEntry("P3-3/acknowledged", "no").containsEntry("P3-3/survives", "no");
    }

    @Test
    void theLostUpdateChallengeIsMetByALossyLinkFromThePrimaryAndNotByACrash() {
        Reference reference = reference(scenario(10, 5, List.of()));
        AcknowledgedLostKey key = new AcknowledgedLostKey();
        List<Fault> plan = key.find(reference, java.util.Set.of("LINK_LOSS", "CRASH"), 2, Map.of()).orElseThrow();
        assertThat(plan).singleElement().extracting(Fault::kind).isEqualTo(FaultKind.LINK_LOSS);

        Simulation crashOnly = Simulation.start(reference.run().recipe().withFaults(List.of(Fault.at(60, FaultKind.CRASH, 0))), REGISTRY);
        crashOnly.runToEnd();
        assertThat(key.check(crashOnly, REGISTRY, Map.of()).holds()).isFalse();
    }

    private static Recipe scenario(int heartbeat, int delta, List<Fault> faults) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("delta", delta);
        params.put("heartbeat", heartbeat);
        params.put("timeout", 30);
        params.put("workload", List.of("set 1", "add 2", "random", "add 3", "add 4"));
        return Recipe.of(PrimaryBackup.ID, params, 1).withFaults(faults)
                .withNetwork(new NetworkSpec(Delay.uniform(1, delta), 0, 0, true, List.of()));
    }

    private static Reference reference(Recipe recipe) {
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }
}
