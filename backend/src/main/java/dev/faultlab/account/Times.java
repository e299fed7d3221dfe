package dev.faultlab.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** jOOQ maps timestamptz to OffsetDateTime; the domain speaks Instant. */
final class Times {
    private Times() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
