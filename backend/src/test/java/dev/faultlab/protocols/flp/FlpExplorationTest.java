package dev.faultlab.protocols.flp;

import dev.faultlab.check.Agreement;
import dev.faultlab.check.Validity;
import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.faultlab.protocols.flp.FlpRuns.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer over the FLP protocol: no schedule with one crash breaks agreement or validity within its bounds, and
 * it finds, as FLP says it must, a schedule that keeps every process undecided (the indicator with k = 8).
 */
class FlpExplorationTest {
    private static SearchBounds bounds(int depth, int crashes) {
        return new SearchBounds(depth, crashes, 0, 40_000, 60_000, 0, 1, 1);
    }

    @Test
    void everyProcessHasAFingerprint() {
        Simulation run = Simulation.explore(FlpRuns.recipe(List.of(0, 1, 1)), REGISTRY, null);
        run.choose(0);
        assertThat(run.fingerprint()).isPresent();
    }

    @Test
    void noScheduleWithOneCrashBreaksAgreementOrValidity() {
        SearchResult result = new Search(REGISTRY, FlpRuns.recipe(List.of(0, 1, 1)), bounds(14, 1),
                Set.of(Agreement.NAME, Validity.NAME), progress -> { }, () -> false).run();

        assertThat(result.outcome()).isIn(SearchResult.Outcome.EXHAUSTED, SearchResult.Outcome.BOUNDED);
        assertThat(result.pruned()).isTrue();
        assertThat(result.progress().distinct()).isGreaterThan(1_000);
    }

    @Test
    void theExplorerFindsAScheduleThatStaysUndecided() {
        Recipe recipe = Recipe.of(Flp.ID, Map.of("n", 3, "inputs", List.of(0, 1, 1), "steps", 8), 1);

        SearchResult result = new Search(REGISTRY, recipe, bounds(20, 0), Set.of(UndecidedMonitor.NAME),
                progress -> { }, () -> false).run();

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(result.violation().explanation()).contains("after 8 steps (deliveries) no process has decided");
    }
}
