package dev.faultlab.account;

import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.SESSIONS;

/**
 * Logins kept in PostgreSQL, so any instance behind a load balancer knows them. A session lasts a fixed
 * time from login; expired rows are removed when next seen and whenever someone logs in.
 */
public final class Sessions {
    private static final String RESUME = """
            select s.user_id, s.csrf_token, s.created_at, s.expires_at,
                   u.email, u.display_name, u.is_admin, u.is_instructor, u.created_at
              from sessions s join users u on u.id = s.user_id
             where s.token_hash = ?""";

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
     * The live session for a cookie's token with its user, in one statement of fixed SQL (every API request asks
     * this, so nothing is rendered for it); an expired one is deleted and treated as absent.
     */
    public Optional<SignedIn> resume(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<SignedIn> signedIn = sql.connectionResult(c -> {
            try (PreparedStatement s = c.prepareStatement(RESUME)) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    long userId = r.getLong(1);
                    User user = new User(userId, r.getString(5), r.getString(6), r.getBoolean(7), r.getBoolean(8),
                            instant(r, 9));
                    return Optional.of(new SignedIn(user, new Session(userId, r.getString(2), instant(r, 3), instant(r, 4))));
                }
            }
        });
        if (signedIn.isPresent() && !clock.instant().isBefore(signedIn.get().session().expiresAt())) {
            sql.deleteFrom(SESSIONS).where(SESSIONS.TOKEN_HASH.eq(hash)).execute();
            return Optional.empty();
        }
        return signedIn;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
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
