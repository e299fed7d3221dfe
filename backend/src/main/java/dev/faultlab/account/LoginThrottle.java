package dev.faultlab.account;

import org.jooq.Condition;
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
 * Limits password guessing across all instances (the attempts are in PostgreSQL): per account and address, per
 * account from anywhere, and per address with growing pauses rather than a lockout, so one address shared by a
 * classroom cannot lock it out.
 *
 * <p>An attempt is counted as failed <em>before</em> its password is checked, under locks on its account and its
 * address, and turned into a success afterwards: so checking and counting are one step, and a hundred guesses sent at
 * once get no more checks than a hundred sent one by one. A successful login clears its account's counts, never its
 * address's: otherwise someone could interleave logins to their own account with guesses at others.
 */
final class LoginThrottle {
    static final ThrottleRule PER_ACCOUNT_AND_ADDRESS = new ThrottleRule(5, Duration.ofMinutes(15));
    static final ThrottleRule PER_ACCOUNT = new ThrottleRule(20, Duration.ofMinutes(15));
    static final GrowingDelay PER_ADDRESS = new GrowingDelay(30, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofMinutes(1));
    private static final Duration KEEP = Duration.ofDays(1);

    private final DSLContext sql;
    private final Clock clock;

    LoginThrottle(DSLContext sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A password check the throttle allowed, already counted as a failure until {@link #succeeded} says otherwise. */
    record Attempt(long id, String email) {
    }

    /** Refuses the attempt before its password is even checked (so a blocked guess learns nothing), or counts it. */
    Attempt begin(String email, String address) {
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            // Always the account first, then the address: two attempts never wait for each other in a circle.
            AdvisoryLock.acquire(db, "login-account:" + email);
            AdvisoryLock.acquire(db, "login-address:" + address);
            Instant now = clock.instant();
            Condition sinceSuccess = LOGIN_ATTEMPTS.ATTEMPTED_AT.gt(lastSuccess(db, email, now));
            refuseIf(PER_ACCOUNT_AND_ADDRESS.retryAfter(
                    failures(db, LOGIN_ATTEMPTS.EMAIL.eq(email).and(LOGIN_ATTEMPTS.REMOTE_ADDR.eq(address)).and(sinceSuccess)),
                    now), "Too many failed logins for this account from your network address. Try again in ");
            refuseIf(PER_ACCOUNT.retryAfter(failures(db, LOGIN_ATTEMPTS.EMAIL.eq(email).and(sinceSuccess)), now),
                    "Too many failed logins for this account. Try again in ");
            refuseIf(PER_ADDRESS.retryAfter(failures(db, LOGIN_ATTEMPTS.REMOTE_ADDR.eq(address)
                    .and(LOGIN_ATTEMPTS.ATTEMPTED_AT.gt(Times.utc(now.minus(PER_ADDRESS.window()))))), now),
                    "Too many failed logins from your network address. Try again in ");
            long id = db.insertInto(LOGIN_ATTEMPTS)
                    .set(LOGIN_ATTEMPTS.EMAIL, email)
                    .set(LOGIN_ATTEMPTS.REMOTE_ADDR, address)
                    .set(LOGIN_ATTEMPTS.SUCCEEDED, false)
                    .set(LOGIN_ATTEMPTS.ATTEMPTED_AT, Times.utc(now))
                    .returning(LOGIN_ATTEMPTS.ID).fetchOne().getId();
            return new Attempt(id, email);
        });
    }

    /** The password was right: the attempt was no failure, and the account's earlier failures stop counting. */
    void succeeded(Attempt attempt) {
        sql.update(LOGIN_ATTEMPTS).set(LOGIN_ATTEMPTS.SUCCEEDED, true).where(LOGIN_ATTEMPTS.ID.eq(attempt.id())).execute();
        sql.deleteFrom(LOGIN_ATTEMPTS).where(LOGIN_ATTEMPTS.ATTEMPTED_AT.lt(Times.utc(clock.instant().minus(KEEP))))
                .execute();
    }

    private static OffsetDateTime lastSuccess(DSLContext db, String email, Instant now) {
        OffsetDateTime since = Times.utc(now.minus(PER_ACCOUNT.window()));
        OffsetDateTime success = db.select(max(LOGIN_ATTEMPTS.ATTEMPTED_AT)).from(LOGIN_ATTEMPTS)
                .where(LOGIN_ATTEMPTS.EMAIL.eq(email), LOGIN_ATTEMPTS.SUCCEEDED.isTrue())
                .fetchOne(0, OffsetDateTime.class);
        return success != null && success.isAfter(since) ? success : since;
    }

    private static List<Instant> failures(DSLContext db, Condition which) {
        return db.select(LOGIN_ATTEMPTS.ATTEMPTED_AT).from(LOGIN_ATTEMPTS)
                .where(which, LOGIN_ATTEMPTS.SUCCEEDED.isFalse())
                .fetch(r -> r.value1().toInstant());
    }

    private static void refuseIf(Optional<Duration> wait, String message) {
        if (wait.isPresent()) {
            throw AccountException.tooManyAttempts(message + humanWait(wait.get()) + ".", wait.get());
        }
    }

    static String humanWait(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds == 1 ? "a second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
