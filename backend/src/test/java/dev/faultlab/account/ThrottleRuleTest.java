package dev.faultlab.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottleRuleTest {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private final ThrottleRule rule = new ThrottleRule(3, Duration.ofMinutes(15));

    @Test
    void fewerFailuresThanTheLimitAreAllowed() {
        assertThat(rule.retryAfter(List.of(), NOW)).isEmpty();
        assertThat(rule.retryAfter(List.of(ago(1), ago(2)), NOW)).isEmpty();
    }

    @Test
    void atTheLimitTheWaitLastsUntilTheOldestCountedFailureAgesOut() {
        assertThat(rule.retryAfter(List.of(ago(1), ago(5), ago(10)), NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void withMoreFailuresOnlyTheNewestLimitManyDecide() {
        assertThat(rule.retryAfter(List.of(ago(12), ago(1), ago(2), ago(3)), NOW)).contains(Duration.ofMinutes(12));
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        assertThat(rule.retryAfter(List.of(ago(1), ago(2), ago(15), ago(40)), NOW)).isEmpty();
    }

    @Test
    void humanWaitSaysSecondsUnderAMinuteAndRoundsUpToWholeMinutesAbove() {
        assertThat(LoginThrottle.humanWait(Duration.ofMillis(300))).isEqualTo("a second");
        assertThat(LoginThrottle.humanWait(Duration.ofSeconds(5))).isEqualTo("5 seconds");
        assertThat(LoginThrottle.humanWait(Duration.ofSeconds(60))).isEqualTo("a minute");
        assertThat(LoginThrottle.humanWait(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(LoginThrottle.humanWait(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    }

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }
}
