package dev.faultlab.protocols.raft;

import dev.faultlab.check.Counterexample;
import dev.faultlab.check.Explorer;
import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.States;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.faultlab.protocols.raft.RaftRuns.params;
import static dev.faultlab.protocols.raft.RaftRuns.recipe;
import static dev.faultlab.protocols.raft.RaftRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teaching variant that votes without the up-to-date check loses committed entries, and the monitors
 * catch it; the counterexample is found by a seeded search. P2 learns the first term, then is down while
 * the others commit, and comes back as P0 crashes: where P0 led and P2 times out before P1, it asks for
 * votes in a newer term with a log that lacks the committed entries, and P1's vote makes it leader.
 */
class BrokenVoteTest {
    private static final int SEEDS = 100;

    private static Stream<Recipe> candidates(boolean upToDateCheck) {
        return LongStream.rangeClosed(1, SEEDS).mapToObj(seed -> recipe(
                params("n", 3, "requests", 40, "runFor", 500, "upToDateCheck", upToDateCheck), seed, List.of(
                        Fault.at(80, FaultKind.CRASH, 2), Fault.at(200, FaultKind.CRASH, 0), Fault.at(200, FaultKind.RECOVER, 2))));
    }

    private static Optional<Counterexample> search(boolean upToDateCheck) {
        return Explorer.search(Protocols.registry(), candidates(upToDateCheck), run -> {
            RaftMonitors.Watched watched = watch(run.recipe());
            return watched.firstViolation().orElse(Verdict.holds("safety", "all hold"));
        });
    }

    @Test
    void votingWithoutTheUpToDateCheckElectsALeaderMissingCommittedEntries() {
        Counterexample found = search(false).orElseThrow(() -> new AssertionError("no seed breaks the broken variant"));

        assertThat(found.verdict().property()).isEqualTo(LeaderCompleteness.NAME);
        assertThat(found.verdict().explanation()).contains("was committed in term 1, but P3 is leader of term 2 without it");
        assertThat(found.verdict().witnesses()).hasSize(2);
        RaftMonitors.Watched replay = watch(found.recipe());
        assertThat(replay.firstViolation()).contains(found.verdict());
        assertThat(replay.safety()).filteredOn(v -> v.property().equals(StateMachineSafety.NAME)).singleElement()
                .satisfies(v -> assertThat(v.holds()).as("P3 overwrites what P2 applied").isFalse());
        // The same property as a kernel monitor, fed the finished trace one event at a time.
        StateMachineSafety monitor = new StateMachineSafety();
        replay.run().trace().events().forEach(event -> monitor.onEvent(event, States.NONE));
        assertThat(monitor.violation()).isNotNull();
        assertThat(monitor.violation().witnesses()).isEqualTo(replay.safety().get(3).witnesses());
    }

    @Test
    void theExplorerJudgingByRaftsOwnMonitorsFindsTheSameRun() {
        Counterexample byChecker = search(false).orElseThrow();

        Counterexample byMonitors = Explorer.search(Protocols.registry(), candidates(false), MonitorSource.PROTOCOL).orElseThrow();

        assertThat(byMonitors.recipe()).isEqualTo(byChecker.recipe());
        assertThat(byMonitors.tried()).isEqualTo(byChecker.tried());
        assertThat(byMonitors.verdict()).isEqualTo(byChecker.verdict());
    }

    @Test
    void withTheCheckNoSeedOfTheSameScheduleBreaksAnything() {
        assertThat(search(true)).isEmpty();
    }
}
