package dev.faultlab.protocols.virtualsynchrony.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.Grid;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.virtualsynchrony.VirtualSynchrony;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys of the virtual synchrony lab, on the lab's scenario and the lecture's four executions. */
class VirtualSynchronyKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /** The lab's scenario: P4 joins at 40, P2 leaves at 90, seven multicasts. */
    private static Recipe scenario(String variant) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 4);
        params.put("variant", variant);
        params.put("joinAt", List.of(0, 0, 0, 40));
        params.put("leaveAt", List.of(0, 90, 0, 0));
        params.put("multicasts", List.of(List.of(0, 12), List.of(1, 30), List.of(2, 37), List.of(0, 42), List.of(3, 60),
                List.of(1, 85), List.of(2, 100)));
        params.put("runFor", 150);
        return Recipe.of(VirtualSynchrony.ID, params, 1);
    }

    private static Reference reference(Recipe recipe) {
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    @Test
    void theLecturesExecutionsAAndBAreAllowedCAndDAreNot() {
        Reference reference = reference(scenario("causal"));
        ExecutionKey key = new ExecutionKey();

        assertThat(key.expected(reference, Map.of("case", "a"))).containsExactly("allowed");
        assertThat(key.expected(reference, Map.of("case", "b"))).containsExactly("allowed");
        assertThat(key.expected(reference, Map.of("case", "c"))).containsExactly("disallowed");
        assertThat(key.expected(reference, Map.of("case", "d"))).containsExactly("disallowed");
        assertThat(key.solution(reference, Map.of("case", "c")).steps().get(0).text())
                .contains("Disallowed: P1#1 (multicast in view 1) was delivered by P2 in view 1, but P3 installed view 2");
        assertThatThrownBy(() -> key.check(Map.of("case", "e"), "exercises[0].answer"))
                .isInstanceOf(KeyException.class).hasMessageContaining("exercises[0].answer.case");
    }

    @Test
    void eachMessageIsDeliveredInTheViewItWasMulticastInAndAJoinerOnlyFromItsFirstView() {
        Grid grid = new DeliveryViewsKey().expected(reference(scenario("causal")), Map.of());

        assertThat(grid.rows()).extracting(Grid.Axis::id).containsExactly("P1#1", "P2#1", "P3#1", "P1#2", "P4#1", "P2#2", "P3#2");
        // P1's multicast at t=42 waits for the view change the join started: it goes out in view 2, to P4 too.
        assertThat(row(grid, "P3#1")).containsExactly("1", "1", "1", "-");
        assertThat(row(grid, "P1#2")).containsExactly("2", "2", "2", "2");
        assertThat(row(grid, "P2#2")).containsExactly("2", "2", "2", "2");
        assertThat(row(grid, "P3#2")).containsExactly("3", "-", "3", "3");
    }

    @Test
    void theChallengeNeedsTheFlushOffToBreakAndIsMetByACrashPartWayThroughAMulticast() {
        Reference reference = reference(scenario("atomic"));
        BreakViewSynchronyKey key = new BreakViewSynchronyKey();

        assertThat(key.check(reference.run(), REGISTRY, Map.of()).holds()).isFalse();
        List<Fault> plan = key.find(reference, java.util.Set.of("CRASH"), 1, Map.of()).orElseThrow();
        Simulation run = Simulation.start(reference.run().recipe().withFaults(plan), REGISTRY);
        run.runToEnd();
        assertThat(key.check(run, REGISTRY, Map.of()).explanation()).startsWith("With the flush switched off your plan breaks view synchrony: ");
        Simulation late = Simulation.start(reference.run().recipe().withFaults(List.of(Fault.at(140, FaultKind.CRASH, 2))), REGISTRY);
        late.runToEnd();
        assertThat(key.check(late, REGISTRY, Map.of()).holds()).isFalse();
    }

    @Test
    void theDiagramOfExecutionDShowsRDeliveringMInTheNextView() {
        Chart chart = new ExecutionDiagram().chart(Map.of("case", "d"));

        assertThat(chart.series()).extracting(Chart.Series::label).contains("p (P1)", "q (P2)", "r (P3)", "p crashes",
                "P1#1 P1 to P2", "P1#1 P1 to P3", "q delivers P1#1 in view 1", "r delivers P1#1 in view 1 while in view 2",
                "r installs view 2 (P2, P3)");
        Chart.Series slow = chart.series().stream().filter(s -> s.label().equals("P1#1 P1 to P3")).findFirst().orElseThrow();
        assertThat(slow.points()).containsExactly(new Chart.Point(12, 3), new Chart.Point(42, 1));
    }

    private static List<String> row(Grid grid, String row) {
        return grid.columns().stream().map(c -> grid.values().get(Grid.cell(row, c.id()))).toList();
    }
}
