package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordering monitors catch what a weaker variant does not promise: reliable multicast over links that reorder
 * breaks FIFO order, FIFO multicast breaks causal order, causal multicast breaks total order; each time the
 * monitor names the two messages. The variant that promises the order keeps it on the same runs.
 */
class DeliveryOrderMonitorTest {
    private static final NetworkSpec REORDERING = new NetworkSpec(Delay.uniform(1, 12), 0, 0, false);
    private static final NetworkSpec FIFO_LINKS = new NetworkSpec(Delay.uniform(1, 12), 0, 0, true);

    @Test
    void reliableMulticastOverReorderingLinksBreaksFifoOrder() {
        Monitor.Violation violation = firstViolation("reliable", REORDERING, DeliveryOrderMonitor.Kind.FIFO).orElseThrow();
        assertThat(violation.explanation()).matches("P\\d delivered P\\d#\\d after P\\d#\\d, which P\\d multicast later");
        assertThat(firstViolation("fifo", REORDERING, DeliveryOrderMonitor.Kind.FIFO)).isEmpty();
    }

    @Test
    void fifoMulticastBreaksCausalOrder() {
        Monitor.Violation violation = firstViolation("fifo", FIFO_LINKS, DeliveryOrderMonitor.Kind.CAUSAL).orElseThrow();
        assertThat(violation.explanation()).contains("happened before the multicast of");
        assertThat(firstViolation("causal", FIFO_LINKS, DeliveryOrderMonitor.Kind.CAUSAL)).isEmpty();
    }

    @Test
    void causalMulticastBreaksTotalOrder() {
        Monitor.Violation violation = firstViolation("causal", FIFO_LINKS, DeliveryOrderMonitor.Kind.TOTAL).orElseThrow();
        assertThat(violation.explanation()).contains("the other way round");
        assertThat(violation.witnesses()).hasSize(3);
        assertThat(firstViolation("causal-atomic", FIFO_LINKS, DeliveryOrderMonitor.Kind.TOTAL)).isEmpty();
    }

    /** The first violation over seeds 1 to 40 of a busy group of four in this variant. */
    private static Optional<Monitor.Violation> firstViolation(String variant, NetworkSpec network, DeliveryOrderMonitor.Kind kind) {
        return LongStream.rangeClosed(1, 40).mapToObj(seed -> violation(variant, network, kind, seed))
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<Monitor.Violation> violation(String variant, NetworkSpec network, DeliveryOrderMonitor.Kind kind, long seed) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 4);
        params.put("variant", variant);
        params.put("multicasts", List.of(List.of(0, 10), List.of(0, 11), List.of(1, 12), List.of(2, 13), List.of(0, 14),
                List.of(3, 15), List.of(1, 16), List.of(2, 17)));
        params.put("runFor", 80);
        Simulation run = Simulation.start(Recipe.of(VirtualSynchrony.ID, params, seed).withNetwork(network), Protocols.registry());
        run.runToEnd();
        DeliveryOrderMonitor monitor = new DeliveryOrderMonitor(kind);
        for (TraceEvent event : run.trace().events()) {
            monitor.onEvent(event, null);
        }
        return Optional.ofNullable(monitor.violation());
    }
}
