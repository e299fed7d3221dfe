package dev.faultlab.key;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /** Flooding, P1 crashed at time 0: its first event is that crash. */
    private static Reference reference() {
        Recipe recipe = Recipe.of("flooding", Map.of("n", 3, "f", 1, "values", List.of(5, 3, 8)), 1)
                .withFault(Fault.at(0, FaultKind.CRASH, 0));
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    @Test
    void beforeTheFirstEventEveryProcessIsAsTheRunSetItUp() {
        Reference reference = reference();

        assertThat(reference.processesAt(-1)).extracting(ProcessStatus::up).containsExactly(true, true, true);
        assertThat(reference.processesAt(-1)).extracting(process -> process.state().get("input")).containsExactly(5, 3, 8);
        assertThat(reference.processesAt(1)).extracting(ProcessStatus::up).containsExactly(false, true, true);
    }

    @Test
    void aReadingIsMadeOnceAndKeptWithTheReference() {
        Reference reference = reference();
        AtomicInteger reads = new AtomicInteger();

        String first = reference.reading(String.class, r -> "read " + reads.incrementAndGet());
        String second = reference.reading(String.class, r -> "read " + reads.incrementAndGet());

        assertThat(first).isEqualTo("read 1");
        assertThat(second).isSameAs(first);
        assertThat(reference().reading(String.class, r -> "read " + reads.incrementAndGet())).isEqualTo("read 2");
    }
}
