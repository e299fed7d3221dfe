package dev.faultlab.protocols.omcast.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.omcast.OrderedMulticast;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.LinkSpec;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ordered-multicast keys read the lab's run: the lecture's figure, then P1 multicasts m3 and m4. */
class OmcastKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Reference figure(String ordering) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 3);
        params.put("ordering", ordering);
        params.put("multicasts", List.of(List.of(1, 0), List.of(2, 0, 1), List.of(0, 30), List.of(0, 31)));
        Recipe recipe = Recipe.of(OrderedMulticast.ID, params, 1)
                .withNetwork(new NetworkSpec(Delay.constant(1), 0, 0, true, List.of(new LinkSpec(1, 0, Delay.constant(10), null))));
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    private static Map<String, Object> event(int node, String kind, String message) {
        return Map.of("node", node, "event", kind, "message", message);
    }

    @Test
    void theClocksOfTheFigureAreTheSlidesAndAnArrivalChangesNoClock() {
        Map<String, Object> args = Map.of("events", List.of(event(1, "multicast", "m1"), event(2, "deliver", "m1"),
                event(2, "multicast", "m2"), event(0, "receive", "m2"), event(0, "deliver", "m1"), event(0, "deliver", "m2"),
                event(0, "multicast", "m3")));

        Grid grid = new OmcastClockKey().expected(figure("causal"), args);

        assertThat(grid.rows()).extracting(Grid.Axis::label).containsExactly("a: P2 multicasts m1", "b: P3 delivers m1",
                "c: P3 multicasts m2", "d: P1 receives m2", "e: P1 delivers m1", "f: P1 delivers m2", "g: P1 multicasts m3");
        assertThat(rowsOf(grid)).containsExactly("0,1,0", "0,1,0", "0,1,1", "0,0,0", "0,1,0", "0,1,1", "1,1,1");
    }

    @Test
    void anOrderingWithoutVectorClocksHasNoClockToAskFor() {
        assertThatThrownBy(() -> new OmcastClockKey().expected(figure("fifo"), Map.of("events", List.of(event(1, "multicast", "m1")))))
                .isInstanceOf(KeyException.class).hasMessageContaining("P2 keeps no vector clock in this run");
    }

    @Test
    void theOrderingsThatAllowGivenDeliveryOrdersComeFromWhatHappenedBeforeWhatInTheRun() {
        OmcastAllowsKey allows = new OmcastAllowsKey();
        Reference run = figure("causal");

        assertThat(allows.expected(run, orders(0, List.of("m2", "m1", "m3", "m4"), 1, List.of("m1", "m2", "m3", "m4"))))
                .isEqualTo(Set.of("fifo"));
        assertThat(allows.expected(run, orders(1, List.of("m1", "m2", "m4", "m3"), 2, List.of("m1", "m2", "m4", "m3"))))
                .isEqualTo(Set.of("total"));
        // P1 had delivered m1 and m2 before it multicast m3: delivering m3 first breaks causality, not FIFO.
        assertThat(allows.expected(run, Map.of("orders", List.of(Map.of("node", 2, "order", List.of("m3", "m4", "m1", "m2"))))))
                .isEqualTo(Set.of("fifo", "total"));
        assertThat(allows.expected(run, orders(1, List.of("m4", "m3"), 2, List.of("m3", "m4")))).isEqualTo(Set.of("none"));
    }

    @Test
    void fifoOnlyBreaksCausalityOnceALinkIsCutAndTheSearchFindsSuchACut() {
        OmcastFifoBreaksCausalityKey key = new OmcastFifoBreaksCausalityKey();
        Reference scenario = figure("causal");

        assertThat(key.check(scenario.run(), REGISTRY, Map.of()).holds()).isFalse();
        Simulation cut = Simulation.start(scenario.run().recipe().withFault(Fault.at(0, FaultKind.LINK_DOWN, 1, Map.of("to", 0, "oneWay", true))),
                REGISTRY);
        cut.runToEnd();
        assertThat(key.check(cut, REGISTRY, Map.of()).explanation())
                .startsWith("P1 delivered m2 without having delivered m1, though m1 happened before m2: P3 knew m1");
        assertThat(key.find(scenario, Set.of("LINK_DOWN", "CRASH"), 1, Map.of())).isPresent();
    }

    private static Map<String, Object> orders(int a, List<String> first, int b, List<String> second) {
        return Map.of("orders", List.of(Map.of("node", a, "order", first), Map.of("node", b, "order", second)));
    }

    private static List<String> rowsOf(Grid grid) {
        return grid.rows().stream().map(row -> grid.columns().stream().map(c -> grid.values().get(Grid.cell(row.id(), c.id())))
                .reduce((x, y) -> x + "," + y).orElseThrow()).toList();
    }
}
