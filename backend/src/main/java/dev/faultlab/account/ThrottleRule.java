package dev.faultlab.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** At most {@code limit} failures within a sliding {@code window}; says how long to wait once there were more. */
public record ThrottleRule(int limit, Duration window) {

    /** Empty when another attempt may be made now; otherwise the wait until the oldest counted failure ages out. */
    public Optional<Duration> retryAfter(List<Instant> failures, Instant now) {
        List<Instant> recent = failures.stream()
                .filter(at -> at.isAfter(now.minus(window)))
                .sorted(Comparator.reverseOrder())
                .toList();
        if (recent.size() < limit) {
            return Optional.empty();
        }
        Instant freedAt = recent.get(limit - 1).plus(window);
        return Optional.of(Duration.between(now, freedAt));
    }
}
