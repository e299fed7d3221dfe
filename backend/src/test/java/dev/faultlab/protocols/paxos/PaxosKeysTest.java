package dev.faultlab.protocols.paxos;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.paxos.key.PaxosKeys;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.faultlab.protocols.paxos.PaxosRuns.params;
import static dev.faultlab.protocols.paxos.PaxosRuns.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The keys of the Paxos lab read its scenario as the lecture argues it. */
class PaxosKeysTest {
    /** The lab's scenario: S3 down from 60 to 120, S1 crashing at 151 with its ACCEPT of o4 reaching S3 only. */
    private static final Recipe LAB = Recipe.of(SlidesPaxos.ID, params("n", 3, "clients", 2, "requests", 0, "clientTimeout", 60,
            "runFor", 600), 1).withFaults(List.of(request(5, 3, "o1"), request(40, 4, "o2"), Fault.at(60, FaultKind.CRASH, 2),
            request(80, 3, "o3"), Fault.at(120, FaultKind.RECOVER, 2), request(150, 3, "o4"),
            Fault.at(151, FaultKind.CRASH, 0, Map.of("reaches", List.of(2))), request(250, 4, "o5")));

    private static Reference reference() {
        Simulation run = Simulation.start(LAB, Protocols.registry());
        run.runToEnd();
        return new Reference(run, Protocols.registry());
    }

    private static AnswerKey key(String name) {
        return PaxosKeys.all().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> row(Grid grid, String row) {
        List<String> cells = new ArrayList<>();
        grid.columns().forEach(column -> cells.add(grid.values().get(Grid.cell(row, column.id()))));
        return cells;
    }

    @Test
    void theOrderKeyShowsACrashedServerAndARecoveredOneThatExecutesAgain() {
        GridKey order = (GridKey) key("paxos.order");
        Reference reference = reference();

        Grid down = order.expected(reference, Map.of("time", 100));
        assertThat(row(down, "P1")).containsExactly("o1", "o2", "o3");
        assertThat(row(down, "P3")).containsExactly("crashed", "crashed", "crashed");
        assertThat(row(order.expected(reference, Map.of("time", 121)), "P3")).containsExactly("-", "-", "-");
        Grid end = order.expected(reference, Map.of("time", 600));
        assertThat(row(end, "P1")).containsOnly("crashed");
        assertThat(row(end, "P2")).containsExactly("o1", "o2", "o3", "o4", "o5");
        assertThat(row(end, "P3")).isEqualTo(row(end, "P2"));
    }

    @Test
    void anOperationHeldByS1AndS3IsChosenBeforeTheNewLeaderKnowsIt() {
        Grid chosen = ((GridKey) key("paxos.chosen")).expected(reference(), Map.of("time", 160));

        assertThat(chosen.values()).containsEntry(Grid.cell("t4", "chosen"), "o4").containsEntry(Grid.cell("t5", "chosen"), "none");
    }

    @Test
    void aSlowLeaderMakesTwoLeadersCompeteBreakingTheOrderOnlyWithoutLeaderIds() {
        PropertyKey competing = (PropertyKey) key("paxos.competing-leaders");
        Reference reference = reference();

        List<Fault> plan = competing.find(reference, Set.of("TIMING"), 1, Map.of("leaderIds", false)).orElseThrow();
        Simulation run = Simulation.start(LAB.withFaults(concat(LAB.faults(), plan)), Protocols.registry());
        Verdict unsafe = competing.check(run, Protocols.registry(), Map.of("leaderIds", false));
        Verdict safe = competing.check(run, Protocols.registry(), Map.of("leaderIds", true));

        assertThat(unsafe.holds()).as(unsafe.explanation()).isTrue();
        assertThat(unsafe.explanation()).contains("two leaders competed").contains("is violated");
        assertThat(safe.holds()).as(safe.explanation()).isTrue();
        assertThat(safe.explanation()).contains("Nothing broke");
        assertThat(competing.check(Simulation.start(LAB, Protocols.registry()), Protocols.registry(), Map.of("leaderIds", false)).holds())
                .as("a real crash alone is no competition the unsafe variant loses").isFalse();
    }

    private static List<Fault> concat(List<Fault> a, List<Fault> b) {
        List<Fault> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
