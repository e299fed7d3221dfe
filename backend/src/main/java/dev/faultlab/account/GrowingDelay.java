package dev.faultlab.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Slows down instead of locking out: the first {@code free} failures within {@code window} cost nothing; after that,
 * each further failure doubles the pause required after the newest one, from {@code firstDelay} up to {@code maxDelay}.
 * A classroom behind one address keeps working; a script guessing from it gets a handful of tries a minute.
 */
public record GrowingDelay(int free, Duration window, Duration firstDelay, Duration maxDelay) {

    /** Empty when another attempt may be made now; otherwise how long to wait. */
    public Optional<Duration> retryAfter(List<Instant> failures, Instant now) {
        List<Instant> recent = failures.stream()
                .filter(at -> at.isAfter(now.minus(window)))
                .sorted(Comparator.reverseOrder())
                .toList();
        int over = recent.size() - free;
        if (over < 0) {
            return Optional.empty();
        }
        Instant freedAt = recent.get(0).plus(delayAfter(over));
        return now.isBefore(freedAt) ? Optional.of(Duration.between(now, freedAt)) : Optional.empty();
    }

    /** The pause after the {@code over}-th failure beyond the free ones (0-based). */
    Duration delayAfter(int over) {
        // Past 2^20 the doubling has long reached any sensible maximum; stop before the shift overflows.
        Duration doubled = firstDelay.multipliedBy(1L << Math.min(over, 20));
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
}
