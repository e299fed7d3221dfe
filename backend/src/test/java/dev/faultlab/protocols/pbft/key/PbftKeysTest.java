package dev.faultlab.protocols.pbft.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.Grid;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PBFT keys over the lab's scenario: P1 crashes at t=1 with its first PRE-PREPARE reaching only P2 and P3,
 * so those two prepare but cannot commit, P4 has nothing to match, and view 1 under P2 carries the operation
 * into the new view at the same timestamp.
 */
class PbftKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Reference labScenario() {
        Recipe recipe = Recipe.of("pbft", Map.of("k", 1, "clients", 1, "requests", 2), 3)
                .withFault(new Fault(1L, null, FaultKind.CRASH, 0, Map.of("reaches", List.of(1, 2))));
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    private static Map<String, String> row(Grid grid, String row) {
        return grid.values().entrySet().stream().filter(e -> e.getKey().startsWith(row + "/"))
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().substring(row.length() + 1), Map.Entry::getValue));
    }

    @Test
    void beforeTheViewChangeTheReachedBackupsArePreparedButCannotCommitAndTheOtherHasNothingToMatch() {
        Grid grid = new PbftCertificatesKey().expected(labScenario(), Map.of("t", 1, "time", 30));
        String op = row(grid, "P2").get("prePrepare");
        assertThat(op).matches("[xyz]=\\d");
        assertThat(row(grid, "P1")).containsOnlyKeys("prePrepare", "prepares", "prepared", "commits", "executed").containsValue("crashed")
                .doesNotContainValue("yes");
        for (String backup : List.of("P2", "P3")) {
            assertThat(row(grid, backup)).containsExactlyInAnyOrderEntriesOf(Map.of("prePrepare", op, "prepares", "2", "prepared", "yes",
                    "commits", "2", "executed", "no"));
        }
        assertThat(row(grid, "P4")).containsExactlyInAnyOrderEntriesOf(Map.of("prePrepare", "missing", "prepares", "0", "prepared", "no",
                "commits", "0", "executed", "no"));
    }

    @Test
    void afterTheViewChangeP2LeadsView1AndEveryCorrectReplicaExecutedTheSameOperationAtT1() {
        Reference reference = labScenario();
        Grid before = new PbftCertificatesKey().expected(reference, Map.of("t", 1, "time", 30));
        Grid after = new PbftCertificatesKey().expected(reference, Map.of("t", 1, "time", 300));
        for (String replica : List.of("P2", "P3", "P4")) {
            assertThat(row(after, replica)).containsExactlyInAnyOrderEntriesOf(Map.of("prePrepare", row(before, "P2").get("prePrepare"),
                    "prepares", "2", "prepared", "yes", "commits", "3", "executed", "yes"));
        }
        Grid views = new PbftViewsKey().expected(reference, Map.of("time", 300));
        assertThat(views.values()).containsExactly(Map.entry("P1/view", "crashed"), Map.entry("P1/primary", "crashed"),
                Map.entry("P2/view", "1"), Map.entry("P2/primary", "P2"), Map.entry("P3/view", "1"), Map.entry("P3/primary", "P2"),
                Map.entry("P4/view", "1"), Map.entry("P4/primary", "P2"));
    }

    @Test
    void aRequestCostsTwentyNineNinetyTwoAndHundredNinetyOneMessagesForKOneToThree() {
        Grid grid = new PbftMessagesKey().expected(labScenario(), Map.of("ks", List.of(1, 2, 3)));
        assertThat(grid.values()).containsExactly(Map.entry("k=1/n", "4"), Map.entry("k=1/messages", "29"), Map.entry("k=2/n", "7"),
                Map.entry("k=2/messages", "92"), Map.entry("k=3/n", "10"), Map.entry("k=3/messages", "191"));
    }

    @Test
    void theFigurePlotsTheMeasuredCountsBesideNSquared() {
        Chart chart = new PbftMessagesChart().chart(Map.of("k", List.of(1, 2, 3)));
        assertThat(chart.series()).extracting(Chart.Series::label).containsExactly("PBFT, measured", "n²");
        assertThat(chart.series().get(0).points()).containsExactly(new Chart.Point(4, 29), new Chart.Point(7, 92), new Chart.Point(10, 191));
        assertThat(chart.series().get(1).points()).containsExactly(new Chart.Point(4, 16), new Chart.Point(7, 49), new Chart.Point(10, 100));
    }

    @Test
    void withNEqualTo3kTheEquivocatingPrimaryBreaksSafetyAndTheClientsTrustButWith3kPlus1NothingBreaks() {
        PbftBrokenKey key = new PbftBrokenKey();
        assertThat(key.expected(labScenario(), Map.of("n", 3, "behaviour", "equivocate"))).containsExactly("same-operation", "trusted-results");
        assertThat(key.expected(labScenario(), Map.of("n", 4, "behaviour", "equivocate"))).containsExactly("none");
        assertThat(key.solution(labScenario(), Map.of("n", 3, "behaviour", "equivocate")).steps().get(0).title())
                .isEqualTo("same operation at each timestamp: violated");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> new PbftBrokenKey().check(Map.of("n", 4, "behaviour", "lazy"), "exercises[4].answer"))
                .isInstanceOf(KeyException.class).hasMessageContaining("behaviour: must be one of [equivocate, wrong-prepares");
        assertThatThrownBy(() -> new PbftMessagesKey().check(Map.of("ks", List.of(0)), "exercises[3].answer"))
                .isInstanceOf(KeyException.class).hasMessageContaining("must hold numbers from 1 to 5, got 0");
        assertThatThrownBy(() -> new PbftCertificatesKey().check(Map.of("t", 0, "time", 3), "exercises[0].answer"))
                .isInstanceOf(KeyException.class).hasMessageContaining("timestamps are numbered from 1");
    }
}
