package dev.faultlab.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GrowingDelayTest {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private final GrowingDelay rule = new GrowingDelay(3, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void theFreeFailuresCostNothing() {
        assertThat(rule.retryAfter(List.of(), NOW)).isEmpty();
        assertThat(rule.retryAfter(secondsAgo(0, 0), NOW)).isEmpty();
    }

    @Test
    void pastTheFreeOnesEachFailureDoublesThePauseAfterTheNewest() {
        assertThat(rule.retryAfter(secondsAgo(0, 0, 0), NOW)).contains(Duration.ofSeconds(1));
        assertThat(rule.retryAfter(secondsAgo(0, 0, 0, 0), NOW)).contains(Duration.ofSeconds(2));
        assertThat(rule.retryAfter(secondsAgo(0, 0, 0, 0, 0), NOW)).contains(Duration.ofSeconds(4));
        assertThat(rule.retryAfter(secondsAgo(1, 5, 5, 5, 5), NOW)).contains(Duration.ofSeconds(3));
    }

    @Test
    void thePauseNeverExceedsTheMaximumSoThereIsNoLockout() {
        List<Instant> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(NOW);
        }
        assertThat(rule.retryAfter(many, NOW)).contains(Duration.ofSeconds(60));
        assertThat(rule.retryAfter(many, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void onceThePauseIsOverTheNextAttemptIsAllowed() {
        assertThat(rule.retryAfter(secondsAgo(2, 3, 4, 5), NOW)).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        assertThat(rule.retryAfter(secondsAgo(0, 0, 16 * 60, 20 * 60), NOW)).isEmpty();
    }

    private static List<Instant> secondsAgo(int... seconds) {
        List<Instant> times = new ArrayList<>();
        for (int s : seconds) {
            times.add(NOW.minusSeconds(s));
        }
        return times;
    }
}
