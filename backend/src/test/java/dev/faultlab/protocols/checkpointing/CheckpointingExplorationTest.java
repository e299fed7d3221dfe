package dev.faultlab.protocols.checkpointing;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer, with one crash (and the recovery that follows it) anywhere in any order of events: restoring every
 * latest checkpoint is found to leave an orphan message, while the recovery line by the rollback rule comes out clean.
 */
class CheckpointingExplorationTest {
    private static final SearchBounds BOUNDS = new SearchBounds(14, 1, 0, 100_000, 120_000, 0, 1, 1);
    private static final List<String> SCRIPT = List.of("P1 -> P2", "P2 checkpoint", "P2 -> P1");

    private static SearchResult search(String recovery) {
        Recipe recipe = Recipe.of(Checkpointing.ID, CkptRuns.params("n", 2, "script", SCRIPT, "recovery", recovery), 1);
        return new Search(Protocols.registry(), recipe, BOUNDS, Set.of(ConsistentAfterRecovery.NAME), progress -> { }, () -> false).run();
    }

    @Test
    void restoringTheLatestCheckpointsIsFoundBrokenAndTheRecoveryLineIsNot() {
        SearchResult unsafe = search("latest-checkpoints");

        assertThat(unsafe.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(unsafe.violation().explanation()).contains("m1 is an orphan message");

        SearchResult safe = search("recovery-line");
        assertThat(safe.outcome()).isIn(SearchResult.Outcome.EXHAUSTED, SearchResult.Outcome.BOUNDED);
        assertThat(safe.progress().explored()).isGreaterThan(100);
    }
}
