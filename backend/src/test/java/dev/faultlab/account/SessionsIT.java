package dev.faultlab.account;

import dev.faultlab.support.Accounts;
import dev.faultlab.support.MutableClock;
import dev.faultlab.support.TestServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.faultlab.store.db.Tables.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** Sessions against the real PostgreSQL, with a clock the test moves. */
class SessionsIT {
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static DSLContext sql;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Sessions sessions = new Sessions(sql, clock, LIFETIME);

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        sql = server.app().database().sql();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSessionIsFoundByItsTokenWhichIsStoredOnlyAsAHash() {
        long user = newUser();
        NewSession started = sessions.start(user, "10.0.0.1");

        assertThat(sessions.find(started.token())).contains(started.session());
        assertThat(started.session().expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(sql.fetchExists(SESSIONS, SESSIONS.TOKEN_HASH.eq(started.token()))).isFalse();
        assertThat(sql.fetchExists(SESSIONS, SESSIONS.TOKEN_HASH.eq(Tokens.hash(started.token())))).isTrue();
        assertThat(sessions.find("not-a-token")).isEmpty();
        assertThat(sessions.find("")).isEmpty();
    }

    @Test
    void aSessionExpiresAfterItsLifetimeAndIsThenDeleted() {
        NewSession started = sessions.start(newUser(), "10.0.0.1");

        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(sessions.find(started.token())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.find(started.token())).isEmpty();
        assertThat(sql.fetchExists(SESSIONS, SESSIONS.TOKEN_HASH.eq(Tokens.hash(started.token())))).isFalse();
    }

    @Test
    void startingASessionClearsExpiredOnes() {
        NewSession old = sessions.start(newUser(), "10.0.0.1");
        clock.advance(LIFETIME.plusMinutes(1));

        sessions.start(newUser(), "10.0.0.2");

        assertThat(sql.fetchExists(SESSIONS, SESSIONS.TOKEN_HASH.eq(Tokens.hash(old.token())))).isFalse();
    }

    @Test
    void endingOneSessionOrAllOfAUsersLeavesOthersAlone() {
        long user = newUser();
        long other = newUser();
        NewSession first = sessions.start(user, "a");
        NewSession second = sessions.start(user, "b");
        NewSession others = sessions.start(other, "c");

        sessions.end(first.token());
        assertThat(sessions.find(first.token())).isEmpty();
        assertThat(sessions.find(second.token())).isPresent();

        sessions.endAllFor(user);
        assertThat(sessions.find(second.token())).isEmpty();
        assertThat(sessions.find(others.token())).isPresent();
    }

    @Test
    void loggingInRotatesTheSessionAndItsCsrfToken() {
        String email = "rotating" + USERS.incrementAndGet() + "@x.test";
        new Accounts(server).createUser(email, "Rotating", false);
        AccountService accounts = new AccountService(sql, new PasswordHasher(), clock, LIFETIME, "admin@faultlab.local");

        Login first = accounts.login(email, Accounts.PASSWORD, null, "10.0.0.1");
        Login second = accounts.login(email, Accounts.PASSWORD, first.session().token(), "10.0.0.1");

        assertThat(second.session().token()).isNotEqualTo(first.session().token());
        assertThat(second.session().session().csrfToken()).isNotEqualTo(first.session().session().csrfToken());
        assertThat(accounts.resume(first.session().token())).isEmpty();
        assertThat(accounts.resume(second.session().token())).hasValueSatisfying(s ->
                assertThat(s.user().email()).isEqualTo(email));
    }

    private static long newUser() {
        return new Accounts(server).createUser("user" + USERS.incrementAndGet() + "@x.test", "User", false);
    }
}
