package dev.faultlab.protocols.messagelogging;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.faultlab.protocols.messagelogging.LoggingRuns.REGISTRY;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.holds;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer on the slides' example without a fault plan: with optimistic logging it finds a crash (and recovery)
 * that makes an orphan, and the counterexample replays as an ordinary recipe; with pessimistic logging it finds none
 * within the same bounds. Fingerprints let it meet states it has seen.
 */
class LoggingExplorerTest {
    private static final SearchBounds BOUNDS = new SearchBounds(14, 1, 0, 20_000, 120_000, 0, 1, 1);

    private static SearchResult search(String mode) {
        Recipe start = Recipe.of(MessageLogging.ID, Map.of("mode", mode, "flushDelay", 5, "runFor", 40), 1);
        return new Search(REGISTRY, start, BOUNDS, Set.of(NoOrphans.NAME), progress -> { }, () -> false).run();
    }

    @Test
    void optimisticLoggingIsFoundToMakeAnOrphanAndPessimisticIsNot() {
        SearchResult found = search("optimistic");
        assertThat(found.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(found.violation().property()).as(found.violation().explanation() + " " + found.counterexample()).isEqualTo(NoOrphans.NAME);
        assertThat(found.violation().explanation()).contains("which P2 lost");
        // The counterexample is an ordinary recipe: run as any run, it makes the orphan too.
        assertThat(holds(run(found.counterexample()), NoOrphans.NAME)).isFalse();

        SearchResult clean = search("pessimistic");
        assertThat(clean.outcome()).isIn(SearchResult.Outcome.EXHAUSTED, SearchResult.Outcome.BOUNDED);
        assertThat(clean.violation()).isNull();
    }

    @Test
    void equalStatesHaveEqualFingerprints() {
        Recipe recipe = Recipe.of(MessageLogging.ID, Map.of("mode", "optimistic"), 1);
        Simulation first = Simulation.explore(recipe, REGISTRY, null);
        Simulation second = Simulation.explore(recipe, REGISTRY, null);
        while (first.paused() && first.trace().size() < 6) {
            first.choose(0);
            second.choose(0);
        }
        assertThat(first.fingerprint()).isPresent().isEqualTo(second.fingerprint());
        first.choose(0);
        assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
        assertThat(holds(run(recipe), NoOrphans.NAME)).isTrue();
    }
}
