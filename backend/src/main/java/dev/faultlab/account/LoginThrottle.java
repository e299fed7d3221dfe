package dev.faultlab.account;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.LOGIN_ATTEMPTS;
import static org.jooq.impl.DSL.max;

/**
 * Limits password guessing, per account and per address, across all instances (the attempts are in
 * PostgreSQL). A successful login clears its account's count, never its address's: otherwise someone
 * could interleave logins to their own account with guesses at others.
 */
final class LoginThrottle {
    static final ThrottleRule PER_ACCOUNT = new ThrottleRule(5, Duration.ofMinutes(15));
    static final ThrottleRule PER_ADDRESS = new ThrottleRule(20, Duration.ofMinutes(15));
    private static final Duration KEEP = Duration.ofDays(1);

    private final DSLContext sql;
    private final Clock clock;

    LoginThrottle(DSLContext sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Refuses the attempt before its password is even checked, so a blocked guess learns nothing. */
    void check(String email, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = PER_ACCOUNT.retryAfter(accountFailures(email, now), now);
        if (account.isPresent()) {
            throw AccountException.tooManyAttempts("Too many failed logins for this account. Try again in "
                    + humanWait(account.get()) + ".", account.get());
        }
        Optional<Duration> fromAddress = PER_ADDRESS.retryAfter(addressFailures(address, now), now);
        if (fromAddress.isPresent()) {
            throw AccountException.tooManyAttempts("Too many failed logins from your network address. Try again in "
                    + humanWait(fromAddress.get()) + ".", fromAddress.get());
        }
    }

    void recordFailure(String email, String address) {
        insert(email, address, false);
    }

    void recordSuccess(String email, String address) {
        insert(email, address, true);
        sql.deleteFrom(LOGIN_ATTEMPTS).where(LOGIN_ATTEMPTS.ATTEMPTED_AT.lt(Times.utc(clock.instant().minus(KEEP))))
                .execute();
    }

    private void insert(String email, String address, boolean succeeded) {
        sql.insertInto(LOGIN_ATTEMPTS)
                .set(LOGIN_ATTEMPTS.EMAIL, email)
                .set(LOGIN_ATTEMPTS.REMOTE_ADDR, address)
                .set(LOGIN_ATTEMPTS.SUCCEEDED, succeeded)
                .set(LOGIN_ATTEMPTS.ATTEMPTED_AT, Times.utc(clock.instant()))
                .execute();
    }

    private List<Instant> accountFailures(String email, Instant now) {
        var since = Times.utc(now.minus(PER_ACCOUNT.window()));
        var lastSuccess = sql.select(max(LOGIN_ATTEMPTS.ATTEMPTED_AT)).from(LOGIN_ATTEMPTS)
                .where(LOGIN_ATTEMPTS.EMAIL.eq(email), LOGIN_ATTEMPTS.SUCCEEDED.isTrue())
                .fetchOne(0, OffsetDateTime.class);
        var from = lastSuccess != null && lastSuccess.isAfter(since) ? lastSuccess : since;
        return sql.select(LOGIN_ATTEMPTS.ATTEMPTED_AT).from(LOGIN_ATTEMPTS)
                .where(LOGIN_ATTEMPTS.EMAIL.eq(email), LOGIN_ATTEMPTS.SUCCEEDED.isFalse(),
                        LOGIN_ATTEMPTS.ATTEMPTED_AT.gt(from))
                .fetch(r -> r.value1().toInstant());
    }

    private List<Instant> addressFailures(String address, Instant now) {
        return sql.select(LOGIN_ATTEMPTS.ATTEMPTED_AT).from(LOGIN_ATTEMPTS)
                .where(LOGIN_ATTEMPTS.REMOTE_ADDR.eq(address), LOGIN_ATTEMPTS.SUCCEEDED.isFalse(),
                        LOGIN_ATTEMPTS.ATTEMPTED_AT.gt(Times.utc(now.minus(PER_ADDRESS.window()))))
                .fetch(r -> r.value1().toInstant());
    }

    static String humanWait(Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
