package dev.faultlab.explore;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.twophase.TwoPhaseCommit;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The explorer looking for a protocol's goal instead of a violation: the run it returns replays to the goal, the
 * goal is reached only by what the bounds allow, and a goal the protocol does not have is named.
 */
class GoalSearchTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();
    private static final Recipe FLOODING = Recipe.of(FloodingConsensus.ID, Map.of("n", 3, "f", 1, "values", List.of(5, 2, 7)), 1);

    private static SearchResult search(Recipe start, SearchBounds bounds, String goal) {
        return new Search(REGISTRY, start, bounds, SearchTarget.reaching(goal), progress -> { }, () -> false).run();
    }

    /** Whether the goal's monitor sees the goal in the recipe's run, played to its end. */
    private static boolean reaches(Recipe recipe, String goal) {
        SearchTarget target = SearchTarget.reaching(goal);
        Simulation run = Simulation.start(recipe, REGISTRY, target.monitors());
        run.runToEnd();
        return target.foundIn(run.monitors()) != null;
    }

    @Test
    void floodingLosesItsSmallestValueToOneCrashEvenWithFPlusOneRounds() {
        SearchResult found = search(FLOODING, new SearchBounds(30, 1, 0, 100_000, 60_000, 0, 1, 1), FloodingConsensus.SMALLEST_LOST);
        SearchResult noCrash = search(FLOODING, new SearchBounds(30, 0, 0, 100_000, 60_000, 0, 1, 1), FloodingConsensus.SMALLEST_LOST);

        assertThat(found.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(found.violation().property()).isEqualTo(FloodingConsensus.SMALLEST_LOST);
        assertThat(found.counterexample().faults()).hasSize(1);
        assertThat(reaches(found.counterexample(), FloodingConsensus.SMALLEST_LOST)).isTrue();
        assertThat(reaches(FLOODING, FloodingConsensus.SMALLEST_LOST)).isFalse();
        assertThat(noCrash.outcome()).isEqualTo(SearchResult.Outcome.EXHAUSTED);
    }

    @Test
    void twoRaftLeadersAtOnceNeedNoFaultOnlyATimerThatFiresFirst() {
        Recipe raft = Recipe.of(Raft.ID, Map.of("n", 3, "clients", 0, "requests", 0, "runFor", 200), 1);

        SearchResult found = search(raft, new SearchBounds(2, 0, 0, 100_000, 60_000, 300, 200, 1), Raft.TWO_LEADERS);

        assertThat(found.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(found.byProbe()).isTrue();
        assertThat(found.counterexample().faults()).isEmpty();
        assertThat(reaches(found.counterexample(), Raft.TWO_LEADERS)).isTrue();
    }

    @Test
    void aTwoPhaseCommitParticipantBlocksInReady() {
        Recipe twophase = Recipe.of(TwoPhaseCommit.ID, Map.of("participants", 2, "votes", List.of("commit", "commit")), 1);

        SearchResult found = search(twophase, new SearchBounds(2, 1, 0, 200_000, 60_000, 300, 300, 1), TwoPhaseCommit.BLOCKED);

        assertThat(found.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(reaches(found.counterexample(), TwoPhaseCommit.BLOCKED)).isTrue();
        assertThat(reaches(twophase, TwoPhaseCommit.BLOCKED)).isFalse();
    }

    @Test
    void aGoalTheProtocolDoesNotHaveIsNamedWithTheGoalsItHas() {
        assertThatThrownBy(() -> search(FLOODING, new SearchBounds(5, 0, 0, 10, 1_000, 0, 1, 1), "two-leaders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flooding has no goal 'two-leaders'; its goals are [" + FloodingConsensus.SMALLEST_LOST + "]");
    }

    @Test
    void theGoalsMonitorReportsWhereTheGoalWasReached() {
        SearchResult found = search(FLOODING, new SearchBounds(30, 1, 0, 100_000, 60_000, 0, 1, 1), FloodingConsensus.SMALLEST_LOST);
        Simulation run = Simulation.start(found.counterexample(), REGISTRY, SearchTarget.reaching(FloodingConsensus.SMALLEST_LOST).monitors());
        run.runToEnd();
        Monitor.Violation reached = run.monitors().get(0).violation();

        assertThat(reached.explanation()).contains("a process decides a value other than the smallest initial value");
        assertThat(reached.witnesses()).containsExactly(reached.at());
        assertThat(run.trace().event(reached.at()).time()).isEqualTo(2 * Simulation.ROUND_TICKS);
        assertThat(Simulation.start(FLOODING, REGISTRY, MonitorSource.PROTOCOL).monitors()).extracting(Monitor::property)
                .doesNotContain(FloodingConsensus.SMALLEST_LOST);
    }
}
