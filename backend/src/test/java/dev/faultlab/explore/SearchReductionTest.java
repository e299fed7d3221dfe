package dev.faultlab.explore;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.bench.PingPong;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial-order reduction is sound: on each workload the search with the reduction ends as the search without it
 * does (same outcome, same violated property at the same shortest length, or the same distinct states when every
 * state within the bounds is seen), while it replays fewer states.
 */
class SearchReductionTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private record Pair(SearchResult reduced, SearchResult full) {
    }

    private static Pair both(Recipe recipe, SearchBounds bounds) {
        SearchResult reduced = new Search(REGISTRY, recipe, bounds.withReduction(true), Set.of(), progress -> { }, () -> false).run();
        SearchResult full = new Search(REGISTRY, recipe, bounds.withReduction(false), Set.of(), progress -> { }, () -> false).run();
        return new Pair(reduced, full);
    }

    /** Every level within the depth bound seen by both: the same states, fewer replays. */
    private static void sameStatesFewerReplays(Pair pair) {
        assertThat(pair.reduced().outcome()).isEqualTo(pair.full().outcome()).isNotEqualTo(SearchResult.Outcome.FOUND);
        assertThat(pair.reduced().progress().distinct()).isEqualTo(pair.full().progress().distinct());
        assertThat(pair.reduced().progress().depth()).isEqualTo(pair.full().progress().depth());
        assertThat(pair.reduced().progress().explored()).isLessThan(pair.full().progress().explored());
    }

    @Test
    void twoPhaseCommitWithACrashReachesTheSameStatesWithFewerReplays() {
        Recipe recipe = Recipe.of("twophase", Map.of("participants", 3, "votes", List.of("commit", "commit", "commit"),
                "maxRetries", 1), 1);
        sameStatesFewerReplays(both(recipe, new SearchBounds(9, 1, 0, 2_000_000, 300_000, 0, 1, 1)));
    }

    @Test
    void echoWithADropAndADuplicateReachesTheSameStatesWithFewerReplays() {
        Recipe recipe = Recipe.of("echo", Map.of("n", 3, "waves", 1), 1);
        sameStatesFewerReplays(both(recipe, new SearchBounds(8, 0, 1, 2_000_000, 300_000, 0, 1, 1, 1, true)));
    }

    @Test
    void raftWithAPartitionReachesTheSameStatesWithFewerReplays() {
        Recipe recipe = Recipe.of(Raft.ID, Map.of("n", 3, "clients", 1, "requests", 1, "runFor", 300), 1)
                .withFault(Fault.network(100, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0), List.of(1, 2, 3)))));
        sameStatesFewerReplays(both(recipe, new SearchBounds(7, 0, 0, 2_000_000, 300_000, 0, 1, 1)));
    }

    @Test
    void aClientTakingAStalePongIsFoundByTheSameShortestRun() {
        Recipe recipe = Recipe.of(PingPong.ID, Map.of("pings", 3, "checksValue", false), 1);
        SearchBounds bounds = new SearchBounds(30, 0, 0, 2_000_000, 300_000, 0, 1, 1);
        ProtocolRegistry registry = PingPong.registry();
        SearchResult reduced = new Search(registry, recipe, bounds, Set.of(), progress -> { }, () -> false).run();
        SearchResult full = new Search(registry, recipe, bounds.withReduction(false), Set.of(), progress -> { }, () -> false).run();

        assertThat(reduced.outcome()).isEqualTo(full.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(reduced.counterexample()).isEqualTo(full.counterexample());
        assertThat(reduced.progress().distinct()).isEqualTo(full.progress().distinct());
        // Two nodes seldom get deliveries due at one time: little to skip here, and nothing it may skip wrongly.
        assertThat(reduced.progress().explored()).isLessThanOrEqualTo(full.progress().explored());
    }
}
