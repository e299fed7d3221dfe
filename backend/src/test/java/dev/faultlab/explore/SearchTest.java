package dev.faultlab.explore;

import dev.faultlab.bench.PingPong;
import dev.faultlab.check.Agreement;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.protocols.raft.LeaderCompleteness;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.raft.StateMachineSafety;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.fixtures.Fixtures;
import dev.faultlab.sim.fixtures.Ticking;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer on protocols in main: the teaching variant of flooding with too few rounds is found broken by the
 * shortest run there is, which replays as an ordinary recipe; the correct protocol comes out clean once every state
 * within the bounds has been seen.
 */
class SearchTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static SearchBounds bounds(int depth, int crashes) {
        return new SearchBounds(depth, crashes, 0, 200_000, 60_000, 0, 1, 1);
    }

    private static Recipe flooding(int n, int f, int rounds) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i + 1);
        }
        return Recipe.of(FloodingConsensus.ID, Map.of("n", n, "f", f, "rounds", rounds, "values", values), 1);
    }

    @Test
    void floodingWithFRoundsIsBrokenByOneCrashPartWayThroughABroadcast() {
        List<SearchProgress> reports = new ArrayList<>();
        SearchResult result = new Search(REGISTRY, flooding(3, 1, 1), bounds(30, 1), Set.of(Agreement.NAME),
                reports::add, () -> false).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(result.byProbe()).isFalse();
        assertThat(result.pruned()).isTrue();
        assertThat(result.violation().property()).isEqualTo(Agreement.NAME);
        assertThat(result.counterexample().faults()).singleElement()
                .satisfies(crash -> assertThat(crash.params()).containsEntry("afterSends", 1));
        assertThat(reports).isNotEmpty();
        // The counterexample is an ordinary recipe: run as any run (clock order after its choices), it disagrees too.
        Simulation replay = Simulation.start(result.counterexample(), REGISTRY, MonitorSource.PROTOCOL);
        replay.runToEnd();
        assertThat(replay.monitors()).filteredOn(m -> m.property().equals(Agreement.NAME))
                .singleElement().extracting(Monitor::violation).isNotNull();
    }

    @Test
    void floodingWithFPlusOneRoundsComesOutCleanOverEveryStateThereIs() {
        SearchResult result = new Search(REGISTRY, flooding(3, 1, 2), bounds(40, 1), Set.of(), progress -> { }, () -> false).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.EXHAUSTED);
        assertThat(result.progress().distinct()).isGreaterThan(10);
    }

    /** Each tick leaves the process and the queue as they were: were the clock not part of a state, the first tick's state would be pruned as the start's and the late tick never reached. */
    @Test
    void statesThatOnlyTheClockTellsApartAreNotPrunedAsOne() {
        Recipe ticking = Recipe.of(Ticking.ID, Map.of("failAt", 15), 1);
        SearchResult result = new Search(Fixtures.REGISTRY, ticking, bounds(10, 0), Set.of(), progress -> { }, () -> false).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(result.violation().property()).isEqualTo(Search.PROTOCOL_ERROR);
        assertThat(result.violation().explanation()).contains("late at 15");
        assertThat(result.steps()).isEqualTo(4);
    }

    @Test
    void aCrashStopProtocolIsNeverGivenARecoveryWhichItDoesNotPromiseToSurvive() {
        // With recoveries, P1 could crash, come back knowing only its own value, and crash again part-way through
        // round 3's broadcast: two crashes of one process, outside flooding's model, would break agreement.
        SearchResult result = new Search(REGISTRY, flooding(4, 2, 3), bounds(200, 2), Set.of(), progress -> { }, () -> false).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.EXHAUSTED);
    }

    @Test
    void randomProbesFindWhatIsDeeperThanTheBreadthFirstSearchGoes() {
        SearchBounds shallow = new SearchBounds(2, 1, 0, 200_000, 60_000, 500, 40, 7);
        SearchResult result = new Search(REGISTRY, flooding(3, 1, 1), shallow, Set.of(Agreement.NAME), progress -> { },
                () -> false).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(result.byProbe()).isTrue();
        Simulation replay = Simulation.start(result.counterexample(), REGISTRY, MonitorSource.PROTOCOL);
        replay.runToEnd();
        assertThat(replay.monitors()).filteredOn(m -> m.property().equals(Agreement.NAME))
                .singleElement().extracting(Monitor::violation).isNotNull();
    }

    @Test
    void processesStartBeforeAnyMessageReachesThem() {
        // A 2PC participant opens its stable storage when it starts: a vote request delivered before that would
        // throw, and the search would report it as a protocol error (it did, before processes started first).
        SearchResult result = new Search(REGISTRY, Recipe.of("twophase", Map.of("participants", 2,
                "votes", List.of("commit", "commit")), 1), bounds(8, 0), Set.of(Search.PROTOCOL_ERROR), progress -> { },
                () -> false).run();

        assertThat(result.outcome()).isNotEqualTo(SearchResult.Outcome.FOUND);
    }

    @Test
    void raftVotingWithoutTheUpToDateCheckLosesACommittedEntryAndTheRealRuleDoesNot() {
        SearchBounds bounds = new SearchBounds(6, 2, 0, 40_000, 120_000, 3_000, 300, 1);
        Recipe broken = Recipe.of(Raft.ID, Map.of("n", 3, "clients", 1, "requests", 2, "runFor", 400, "upToDateCheck", false), 1);

        SearchResult found = new Search(REGISTRY, broken, bounds, Set.of(), progress -> { }, () -> false).run();

        assertThat(found.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(found.violation().property()).isIn(LeaderCompleteness.NAME, StateMachineSafety.NAME);
        Recipe correct = Recipe.of(Raft.ID, Map.of("n", 3, "clients", 1, "requests", 2, "runFor", 400), 1);
        SearchBounds fewer = new SearchBounds(6, 2, 0, 10_000, 120_000, 3_000, 300, 1);
        SearchResult clean = new Search(REGISTRY, correct, fewer, Set.of(), progress -> { }, () -> false).run();
        assertThat(clean.outcome()).isEqualTo(SearchResult.Outcome.BOUNDED);
        assertThat(clean.progress().explored()).isEqualTo(fewer.maxStates());
    }

    @Test
    void aCancelledSearchStops() {
        SearchResult result = new Search(REGISTRY, flooding(4, 2, 3), bounds(60, 2), Set.of(), progress -> { }, () -> true).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.CANCELLED);
    }

    @Test
    void aDuplicatedPongIsTakenForTheNextPingOneStepSoonerThanARetriedPing() {
        Recipe recipe = Recipe.of(PingPong.ID, Map.of("pings", 2, "checksValue", false), 1);
        SearchBounds withoutCopies = new SearchBounds(20, 0, 0, 200_000, 60_000, 0, 1, 1);
        SearchBounds oneCopy = new SearchBounds(20, 0, 0, 200_000, 60_000, 0, 1, 1, 1, true);

        SearchResult retried = new Search(PingPong.registry(), recipe, withoutCopies, Set.of(), progress -> { }, () -> false).run();
        SearchResult copied = new Search(PingPong.registry(), recipe, oneCopy, Set.of(), progress -> { }, () -> false).run();

        assertThat(retried.outcome()).isEqualTo(copied.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(retried.counterexample().faults()).isEmpty();
        assertThat(copied.counterexample().faults()).singleElement().extracting(Fault::kind).isEqualTo(FaultKind.DUPLICATE);
        assertThat(copied.steps()).isLessThan(retried.steps());
        Simulation replay = Simulation.start(copied.counterexample(), PingPong.registry(), MonitorSource.PROTOCOL);
        replay.runToEnd();
        assertThat(replay.monitors()).singleElement().extracting(Monitor::violation).isNotNull();
    }

    private static Recipe generals(int n, List<String> values, String traitorBehaviour) {
        Map<String, Object> behaviour = new java.util.LinkedHashMap<>(Map.of("behaviour", traitorBehaviour));
        return Recipe.of(ByzantineAgreement.ID, Map.of("n", n, "m", 1, "values", values), 1)
                .withFault(Fault.at(0, FaultKind.BYZANTINE, 0, behaviour));
    }

    @Test
    void theSearchTriesEachOfTheProtocolsBehavioursForANodeTheRecipeMakesByzantine() {
        Recipe recipe = generals(3, List.of("ATTACK", "ATTACK", "RETREAT"), "mirror");
        Simulation asGiven = Simulation.start(recipe, REGISTRY, MonitorSource.PROTOCOL);
        asGiven.runToEnd();
        assertThat(asGiven.monitors()).extracting(Monitor::violation).containsOnlyNulls();

        SearchResult result = new Search(REGISTRY, recipe, bounds(20, 0), Set.of(Agreement.NAME), progress -> { }, () -> false).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(result.pruned()).isFalse();
        assertThat(result.counterexample().faults()).singleElement()
                .satisfies(byzantine -> assertThat(byzantine.params().get("behaviour")).isNotEqualTo("mirror"));
        Simulation replay = Simulation.start(result.counterexample(), REGISTRY, MonitorSource.PROTOCOL);
        replay.runToEnd();
        assertThat(replay.monitors()).filteredOn(m -> m.property().equals(Agreement.NAME)).singleElement()
                .extracting(Monitor::violation).isNotNull();
        // With one traitor among four, OM(1) holds whatever the traitor does.
        SearchResult four = new Search(REGISTRY, generals(4, List.of("ATTACK", "ATTACK", "ATTACK", "RETREAT"), "silent"),
                bounds(60, 0), Set.of(), progress -> { }, () -> false).run();
        assertThat(four.outcome()).isEqualTo(SearchResult.Outcome.EXHAUSTED);
    }
}
