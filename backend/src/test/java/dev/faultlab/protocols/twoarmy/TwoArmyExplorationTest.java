package dev.faultlab.protocols.twoarmy;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer on the two-army problem: allowed to lose one messenger, it finds, for each length, the run where the
 * last one is lost and a general attacks alone (a recipe anyone can replay); with no loss allowed every run agrees.
 */
class TwoArmyExplorationTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static SearchResult search(int k, int drops) {
        return new Search(REGISTRY, Recipe.of(TwoArmy.ID, Map.of("k", k), 1), new SearchBounds(100, 0, drops, 100_000, 60_000, 0, 1, 1),
                Set.of(CoordinatedAttack.NAME), progress -> { }, () -> false).run();
    }

    @Test
    void withOneLossTheExplorerFindsTheLastMessengerLostForEveryLength() {
        for (int k = 1; k <= 5; k++) {
            SearchResult result = search(k, 1);

            assertThat(result.outcome()).as("k=%d", k).isEqualTo(SearchResult.Outcome.FOUND);
            assertThat(result.pruned()).isTrue();
            assertThat(result.violation().explanation()).contains("attacks alone");
            Simulation replay = TwoArmyRuns.played(REGISTRY, result.counterexample());
            assertThat(TwoArmyRuns.firstLost(replay)).isEqualTo(k);
            assertThat(TwoArmyRuns.broken(replay)).isPresent();
        }
    }

    @Test
    void withNoLossEveryRunAgreesAndTheSearchIsExhausted() {
        SearchResult result = search(4, 0);

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.EXHAUSTED);
    }
}
