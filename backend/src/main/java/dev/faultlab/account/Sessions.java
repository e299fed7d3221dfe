package dev.faultlab.account;

import dev.faultlab.store.db.tables.records.SessionsRecord;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.SESSIONS;
import static dev.faultlab.store.db.Tables.USERS;

/**
 * Logins kept in PostgreSQL, so any instance behind a load balancer knows them. A session lasts a fixed
 * time from login; expired rows are removed when next seen and whenever someone logs in.
 */
public final class Sessions {
    private final DSLContext sql;
    private final Clock clock;
    private final Duration lifetime;

    public Sessions(DSLContext sql, Clock clock, Duration lifetime) {
        this.sql = sql;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public NewSession start(long userId, String address) {
        // PostgreSQL keeps microseconds; truncating keeps what we return equal to what we store.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        sql.deleteFrom(SESSIONS).where(SESSIONS.EXPIRES_AT.le(Times.utc(now))).execute();
        String token = Tokens.newToken();
        Session session = new Session(userId, Tokens.newToken(), now, now.plus(lifetime));
        sql.insertInto(SESSIONS)
                .set(SESSIONS.TOKEN_HASH, Tokens.hash(token))
                .set(SESSIONS.USER_ID, userId)
                .set(SESSIONS.CSRF_TOKEN, session.csrfToken())
                .set(SESSIONS.CREATED_AT, Times.utc(session.createdAt()))
                .set(SESSIONS.EXPIRES_AT, Times.utc(session.expiresAt()))
                .set(SESSIONS.REMOTE_ADDR, address)
                .execute();
        return new NewSession(token, session);
    }

    /** The live session for a cookie's token; an expired one is deleted and treated as absent. */
    public Optional<Session> find(String token) {
        return resume(token).map(SignedIn::session);
    }

    /**
     * The live session for a cookie's token with its user, read in one statement (every API request asks this);
     * an expired one is deleted and treated as absent.
     */
    public Optional<SignedIn> resume(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<SignedIn> signedIn = sql.select().from(SESSIONS).join(USERS).on(USERS.ID.eq(SESSIONS.USER_ID))
                .where(SESSIONS.TOKEN_HASH.eq(hash))
                .fetchOptional(r -> {
                    SessionsRecord s = r.into(SESSIONS);
                    return new SignedIn(UserStore.toUser(r.into(USERS)), new Session(s.getUserId(), s.getCsrfToken(),
                            Times.instant(s.getCreatedAt()), Times.instant(s.getExpiresAt())));
                });
        if (signedIn.isPresent() && !clock.instant().isBefore(signedIn.get().session().expiresAt())) {
            sql.deleteFrom(SESSIONS).where(SESSIONS.TOKEN_HASH.eq(hash)).execute();
            return Optional.empty();
        }
        return signedIn;
    }

    public void end(String token) {
        if (token != null && !token.isEmpty()) {
            sql.deleteFrom(SESSIONS).where(SESSIONS.TOKEN_HASH.eq(Tokens.hash(token))).execute();
        }
    }

    /** Signs a user out everywhere, e.g. after a password change. */
    public void endAllFor(long userId) {
        sql.deleteFrom(SESSIONS).where(SESSIONS.USER_ID.eq(userId)).execute();
    }
}
