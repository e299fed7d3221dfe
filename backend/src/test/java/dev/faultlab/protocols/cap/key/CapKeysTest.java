package dev.faultlab.protocols.cap.key;

import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.cap.Cap;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The CAP keys read off runs what each mode does to a read at the replica cut off, and find a partition for a stale read. */
class CapKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Reference reference() {
        Recipe scenario = new Recipe(Cap.ID, Map.of("n", 3, "mode", "availability"), 1, List.of(
                Fault.at(20, FaultKind.REQUEST, 0, Map.of("command", "write 7")),
                Fault.at(40, FaultKind.REQUEST, 1, Map.of("command", "read"))), null, null);
        Simulation run = Simulation.start(scenario, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    @Test
    void consistencyModeRefusesTheReadAndGivesUpAvailabilityWhileAvailabilityModeServesItStale() {
        Reference reference = reference();

        assertThat(new ReplyKey().expected(reference, Map.of("mode", "consistency", "request", 2, "at", 10))).containsExactly("refused");
        assertThat(new ReplyKey().expected(reference, Map.of("mode", "availability", "request", 2, "at", 10))).containsExactly("stale");
        assertThat(new ReplyKey().expected(reference, Map.of("mode", "availability", "request", 2, "at", 50))).containsExactly("up-to-date");
        assertThat(new GivenUpKey().expected(reference, Map.of("mode", "consistency", "request", 2, "at", 10))).containsExactly("availability");
        assertThat(new GivenUpKey().expected(reference, Map.of("mode", "availability", "request", 2, "at", 10))).containsExactly("consistency");
        assertThat(new GivenUpKey().expected(reference, Map.of("mode", "availability", "request", 2, "at", 50))).containsExactly("neither");
    }

    @Test
    void theStaleReadChallengeIsMetByAPartitionBeforeTheWriteAndNotByOneAfterTheRead() {
        Reference reference = reference();
        StaleReadKey key = new StaleReadKey();
        List<Fault> plan = key.find(reference, Set.of("PARTITION", "HEAL"), 2, Map.of()).orElseThrow();

        assertThat(plan).singleElement().extracting(Fault::kind).isEqualTo(FaultKind.PARTITION);
        Simulation late = Simulation.start(reference.run().recipe().withFault(Fault.network(50, FaultKind.PARTITION,
                Map.of("groups", List.of(List.of(1))))), REGISTRY);
        late.runToEnd();
        assertThat(key.check(late, REGISTRY, Map.of()).holds()).isFalse();
    }
}
