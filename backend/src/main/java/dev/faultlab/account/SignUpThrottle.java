package dev.faultlab.account;

import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.SIGNUP_ATTEMPTS;

/**
 * Limits sign-ups per network address across all instances. Refused ones (a join code or invitation that does not
 * work) are slowed down soon, so codes cannot be guessed; all of them much later, so a whole class signing up from
 * one school address goes through while a script creating accounts does not. Like logins, an attempt is counted
 * (as refused) under a lock on its address before anything is checked, and marked accepted afterwards.
 */
final class SignUpThrottle {
    static final GrowingDelay REFUSED_PER_ADDRESS = new GrowingDelay(10, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofMinutes(1));
    static final GrowingDelay ALL_PER_ADDRESS = new GrowingDelay(300, Duration.ofHours(1), Duration.ofSeconds(1),
            Duration.ofMinutes(1));
    private static final Duration KEEP = Duration.ofDays(1);

    private final DSLContext sql;
    private final Clock clock;

    SignUpThrottle(DSLContext sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Refuses the sign-up before it costs anything, or counts it as refused and returns its id. */
    long begin(String address) {
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            AdvisoryLock.acquire(db, "signup-address:" + address);
            Instant now = clock.instant();
            Condition fromAddress = SIGNUP_ATTEMPTS.REMOTE_ADDR.eq(address);
            refuseIf(REFUSED_PER_ADDRESS.retryAfter(times(db, fromAddress.and(SIGNUP_ATTEMPTS.ACCEPTED.isFalse())
                    .and(SIGNUP_ATTEMPTS.ATTEMPTED_AT.gt(Times.utc(now.minus(REFUSED_PER_ADDRESS.window()))))), now));
            refuseIf(ALL_PER_ADDRESS.retryAfter(times(db, fromAddress
                    .and(SIGNUP_ATTEMPTS.ATTEMPTED_AT.gt(Times.utc(now.minus(ALL_PER_ADDRESS.window()))))), now));
            return db.insertInto(SIGNUP_ATTEMPTS)
                    .set(SIGNUP_ATTEMPTS.REMOTE_ADDR, address)
                    .set(SIGNUP_ATTEMPTS.ATTEMPTED_AT, Times.utc(now))
                    .returning(SIGNUP_ATTEMPTS.ID).fetchOne().getId();
        });
    }

    /** The code or invitation worked (whether the address was new or not: both must count alike). */
    void accepted(DSLContext db, long attempt) {
        db.update(SIGNUP_ATTEMPTS).set(SIGNUP_ATTEMPTS.ACCEPTED, true).where(SIGNUP_ATTEMPTS.ID.eq(attempt)).execute();
        db.deleteFrom(SIGNUP_ATTEMPTS).where(SIGNUP_ATTEMPTS.ATTEMPTED_AT.lt(Times.utc(clock.instant().minus(KEEP))))
                .execute();
    }

    private static List<Instant> times(DSLContext db, Condition which) {
        return db.select(SIGNUP_ATTEMPTS.ATTEMPTED_AT).from(SIGNUP_ATTEMPTS).where(which).fetch(r -> r.value1().toInstant());
    }

    private static void refuseIf(Optional<Duration> wait) {
        if (wait.isPresent()) {
            throw AccountException.tooManyAttempts("Too many sign-ups from your network address. Try again in "
                    + LoginThrottle.humanWait(wait.get()) + ".", wait.get());
        }
    }
}
