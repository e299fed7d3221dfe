package dev.faultlab.search;

import dev.faultlab.explore.SearchBounds;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who searches now, who waits and who is refused: the server's slots, each person's share and the queue's length. */
class SearchQueueTest {
    private static final SearchLimits LIMITS = new SearchLimits(2, 2, 2, SearchBounds.SERVER_CAPS);

    private static SearchJob job(long owner) {
        return new SearchJob(UUID.randomUUID(), owner, Recipe.of("flooding", Map.of("n", 3), 1),
                RequestedBounds.DEFAULTS, Optional.empty(), Optional.empty());
    }

    @Test
    void searchesStartWhileSlotsAreFreeThenWaitInTheOrderTheyCame() {
        SearchQueue queue = new SearchQueue(LIMITS);
        SearchJob a = job(1);
        SearchJob b = job(2);
        SearchJob c = job(3);
        SearchJob d = job(4);

        assertThat(queue.admit(a)).isEqualTo(SearchQueue.Admission.START);
        assertThat(queue.admit(b)).isEqualTo(SearchQueue.Admission.START);
        assertThat(queue.admit(c)).isEqualTo(SearchQueue.Admission.WAIT);
        assertThat(queue.admit(d)).isEqualTo(SearchQueue.Admission.WAIT);

        assertThat(queue.position(a.id())).isZero();
        assertThat(queue.position(c.id())).isEqualTo(1);
        assertThat(queue.position(d.id())).isEqualTo(2);
        assertThat(queue.finished(a)).contains(c);
        assertThat(queue.position(d.id())).isEqualTo(1);
        assertThat(queue.runningJobs()).containsExactly(b, c);
    }

    @Test
    void aFullQueueRefusesTheNextSearchInWords() {
        SearchQueue queue = new SearchQueue(LIMITS);
        for (long owner = 1; owner <= 4; owner++) {
            queue.admit(job(owner));
        }

        assertThatThrownBy(() -> queue.admit(job(5))).isInstanceOfSatisfying(SearchProblem.class, refused -> {
            assertThat(refused.kind()).isEqualTo(SearchProblem.Kind.SERVER_BUSY);
            assertThat(refused.getMessage()).contains("2 searches are running and 2 are waiting");
        });
    }

    @Test
    void onePersonMayHaveNoMoreThanTheirShareQueuedOrRunning() {
        SearchQueue queue = new SearchQueue(new SearchLimits(1, 2, 5, SearchBounds.SERVER_CAPS));
        SearchJob first = job(7);
        queue.admit(first);
        queue.admit(job(7));

        assertThatThrownBy(() -> queue.admit(job(7))).isInstanceOfSatisfying(SearchProblem.class, refused -> {
            assertThat(refused.kind()).isEqualTo(SearchProblem.Kind.TOO_MANY_OF_YOURS);
            assertThat(refused.getMessage()).contains("You have 2 searches queued or running");
        });
        assertThat(queue.admit(job(8))).as("someone else still gets in").isEqualTo(SearchQueue.Admission.WAIT);
        queue.finished(first);
        assertThat(queue.admit(job(7))).as("a finished search frees its owner's share").isEqualTo(SearchQueue.Admission.WAIT);
    }

    @Test
    void aWithdrawnSearchLeavesTheQueueAndOneRunningCannotBeWithdrawn() {
        SearchQueue queue = new SearchQueue(new SearchLimits(1, 5, 5, SearchBounds.SERVER_CAPS));
        SearchJob running = job(1);
        SearchJob waiting = job(1);
        SearchJob last = job(1);
        queue.admit(running);
        queue.admit(waiting);
        queue.admit(last);

        assertThat(queue.withdraw(running.id())).isFalse();
        assertThat(queue.withdraw(waiting.id())).isTrue();
        assertThat(queue.position(last.id())).isEqualTo(1);
        assertThat(queue.finished(running)).contains(last);
        assertThat(queue.drainWaiting()).isEmpty();
    }
}
