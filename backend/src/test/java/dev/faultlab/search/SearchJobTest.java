package dev.faultlab.search;

import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A search job reports its progress while it runs and stops within a state of being cancelled. */
class SearchJobTest {
    /** Correct flooding with a state bound far beyond what the test waits for: it would run for minutes. */
    private static final Recipe LONG = Recipe.of("flooding", Map.of("n", 4, "f", 2, "values", List.of(1, 2, 3, 4)), 1);
    private static final SearchBounds LARGE = new SearchBounds(200, 2, 2, 5_000_000, 600_000, 0, 1, 1);

    @Test
    void aCancelledSearchStopsAndSaysSoWithItsProgressSoFar() throws Exception {
        SearchJob job = new SearchJob(UUID.randomUUID(), 1, LONG, LARGE, Optional.empty(), Optional.empty());
        CountDownLatch reported = new CountDownLatch(1);
        CompletableFuture<SearchResult> result = CompletableFuture.supplyAsync(
                () -> job.run(Protocols.registry(), progress -> reported.countDown()));

        assertThat(reported.await(60, TimeUnit.SECONDS)).as("the search reports its progress while it runs").isTrue();
        assertThat(job.running()).isTrue();
        job.cancel();

        SearchResult cancelled = result.get(60, TimeUnit.SECONDS);
        assertThat(cancelled.outcome()).isEqualTo(SearchResult.Outcome.CANCELLED);
        assertThat(cancelled.progress().explored()).isPositive().isLessThan(LARGE.maxStates());
        assertThat(job.progress()).isEqualTo(cancelled.progress());
        assertThat(job.stoppedByServer()).isFalse();
    }

    @Test
    void aSearchStoppedByTheServerIsToldApartFromOneItsOwnerCancelled() throws Exception {
        SearchJob job = new SearchJob(UUID.randomUUID(), 1, LONG, LARGE, Optional.empty(), Optional.empty());
        CountDownLatch reported = new CountDownLatch(1);
        CompletableFuture<SearchResult> result = CompletableFuture.supplyAsync(
                () -> job.run(Protocols.registry(), progress -> reported.countDown()));
        assertThat(reported.await(60, TimeUnit.SECONDS)).isTrue();

        job.stopForShutdown();

        assertThat(result.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(SearchResult.Outcome.CANCELLED);
        assertThat(job.stoppedByServer()).isTrue();
    }
}
