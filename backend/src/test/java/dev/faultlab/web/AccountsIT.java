package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.account.AccountException;
import dev.faultlab.account.AccountService;
import dev.faultlab.account.PasswordHasher;
import dev.faultlab.account.SignUp;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Labs;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.faultlab.store.db.Tables.AUDIT_EVENTS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-up, login, logout, password change, CSRF, cookies, rate limits, invitations and the audit log, over HTTP. */
class AccountsIT {
    private static final AtomicInteger FRESH = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;
    static ApiClient instructor;
    static long courseId;
    static String joinCode;

    @BeforeAll
    static void start() {
        Labs.install(dataDir, "two-generals", "The two generals");
        Map<String, String> env = new HashMap<>(Accounts.withAdmin());
        env.put("FAULTLAB_TRUST_PROXY", "true");
        server = TestServer.start(dataDir, env);
        accounts = new Accounts(server);
        accounts.createUser("teacher@x.test", "Tess Teacher", true);
        instructor = accounts.login("teacher@x.test");
        JsonNode course = Accounts.createCourse(instructor, "ACC-1", "Accounts course");
        courseId = course.path("id").asLong();
        joinCode = course.path("joinCode").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOnlyOverHttps() {
        String email = newStudent();
        HttpResponse<String> plain = accounts.anonymous().post("/api/session", Map.of("email", email, "password", Accounts.PASSWORD));
        String cookie = sessionCookie(plain);
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> viaProxy = server.send(HttpRequest.newBuilder(server.uri("/api/session"))
                .header("X-Forwarded-Proto", "https").header("Content-Type", "application/json")
                .header("Cookie", "faultlab_csrf=t").header("X-CSRF-Token", "t")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}"))
                .build());
        assertThat(sessionCookie(viaProxy)).contains("Secure").contains("HttpOnly");
    }

    @Test
    void stateChangingRequestsNeedTheSessionsCsrfToken() {
        ApiClient student = accounts.login(newStudent());
        ApiClient other = accounts.login(newStudent());
        Map<String, String> join = Map.of("joinCode", joinCode);

        assertCsrfRefused(student.send("POST", "/api/courses/join", join, null));
        assertCsrfRefused(student.send("POST", "/api/courses/join", join, "guessed"));
        assertCsrfRefused(student.send("POST", "/api/courses/join", join, other.csrfToken()));
        assertThat(student.send("POST", "/api/courses/join", join, student.csrfToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void evenALoginNeedsTheCsrfTokenOfItsBrowser() {
        ApiClient client = accounts.anonymous();
        Map<String, String> credentials = Map.of("email", newStudent(), "password", Accounts.PASSWORD);

        assertCsrfRefused(client.send("POST", "/api/session", credentials, null));
        assertCsrfRefused(client.send("POST", "/api/session", credentials, accounts.anonymous().csrfToken()));
        assertThat(client.send("POST", "/api/session", credentials, client.csrfToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        String email = newStudent();
        HttpResponse<String> wrong = accounts.anonymousFrom("10.1.0.1").post("/api/session",
                Map.of("email", email, "password", "not the password"));
        HttpResponse<String> unknown = accounts.anonymousFrom("10.1.0.1").post("/api/session",
                Map.of("email", "nobody@x.test", "password", "not the password"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error")).isEqualTo(json(unknown).path("error"));
        assertThat(json(wrong).path("error").path("code").asText()).isEqualTo("bad_credentials");
    }

    @Test
    void afterFiveFailuresFromOneAddressTheAccountIsLockedThereButNotForItsOwnerElsewhere() {
        String email = newStudent();
        for (int i = 0; i < 5; i++) {
            assertThat(accounts.anonymousFrom("10.2.0.1").post("/api/session",
                    Map.of("email", email, "password", "guess number " + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = accounts.anonymousFrom("10.2.0.1").post("/api/session",
                Map.of("email", email, "password", Accounts.PASSWORD));
        HttpResponse<String> owner = accounts.anonymousFrom("10.2.0.2").post("/api/session",
                Map.of("email", email, "password", Accounts.PASSWORD));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(800L, 900L));
        JsonNode error = json(locked).path("error");
        assertThat(error.path("code").asText()).isEqualTo("too_many_attempts");
        assertThat(error.path("message").asText())
                .isEqualTo("Too many failed logins for this account from your network address. Try again in 15 minutes.");
        assertThat(error.path("details").path("retryAfterSeconds").asLong()).isBetween(800L, 900L);
        assertThat(owner.statusCode()).isEqualTo(200);
    }

    @Test
    void twentyFailuresFromManyAddressesLockTheAccountEverywhere() {
        String email = newStudent();
        for (int i = 0; i < 20; i++) {
            assertThat(accounts.anonymousFrom("10.6." + i + ".1").post("/api/session",
                    Map.of("email", email, "password", "guess number " + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = accounts.anonymousFrom("10.6.99.1").post("/api/session",
                Map.of("email", email, "password", Accounts.PASSWORD));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(json(locked).path("error").path("message").asText())
                .isEqualTo("Too many failed logins for this account. Try again in 15 minutes.");
    }

    @Test
    void aHundredWrongPasswordsSentAtOnceGetNoMoreChecksThanFiveSentOneByOne() throws Exception {
        String email = newStudent();
        int guesses = 100;
        List<ApiClient> guessers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            ApiClient guesser = accounts.anonymousFrom("10.7.0.1");
            guesser.csrfToken();
            guessers.add(guesser);
        }
        ExecutorService threads = Executors.newFixedThreadPool(guesses);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                ApiClient guesser = guessers.get(i);
                String guess = "parallel guess " + i;
                answers.add(threads.submit(() -> {
                    go.await();
                    return guesser.post("/api/session", Map.of("email", email, "password", guess)).statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new HashMap<>();
            for (Future<Integer> answer : answers) {
                byStatus.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }

            assertThat(byStatus).containsOnlyKeys(401, 429).containsEntry(401, 5).containsEntry(429, guesses - 5);
            assertThat(server.app().database().sql().fetchCount(AUDIT_EVENTS,
                    AUDIT_EVENTS.ACTION.eq("login.failed").and(AUDIT_EVENTS.SUBJECT.eq(email)))).isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String email = newStudent();
        for (int i = 0; i < 4; i++) {
            accounts.anonymousFrom("10.3.0.1").post("/api/session", Map.of("email", email, "password", "guess " + i));
        }
        assertThat(accounts.anonymousFrom("10.3.0.1").post("/api/session",
                Map.of("email", email, "password", Accounts.PASSWORD)).statusCode()).isEqualTo(200);

        accounts.anonymousFrom("10.3.0.1").post("/api/session", Map.of("email", email, "password", "one more guess"));
        assertThat(accounts.anonymousFrom("10.3.0.1").post("/api/session",
                Map.of("email", email, "password", Accounts.PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void aClassroomBehindOneAddressIsNotLockedOutByTwentyFailures() {
        String email = newStudent();
        for (int i = 0; i < 20; i++) {
            assertThat(accounts.anonymousFrom("10.4.0.1").post("/api/session",
                    Map.of("email", "typo" + i + "@x.test", "password", "Winter2030!")).statusCode()).isEqualTo(401);
        }

        assertThat(accounts.anonymousFrom("10.4.0.1").post("/api/session",
                Map.of("email", email, "password", Accounts.PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDownNotLockedOut() {
        for (int i = 0; i < 30; i++) {
            accounts.anonymousFrom("10.4.1.1").post("/api/session", Map.of("email", "spray" + i + "@x.test", "password", "Winter2030!"));
        }

        HttpResponse<String> slowed = accounts.anonymousFrom("10.4.1.1").post("/api/session",
                Map.of("email", "spray99@x.test", "password", "Winter2030!"));
        HttpResponse<String> elsewhere = accounts.anonymousFrom("10.4.1.2").post("/api/session",
                Map.of("email", "spray99@x.test", "password", "Winter2030!"));

        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(json(slowed).path("error").path("message").asText()).contains("from your network address");
        assertThat(slowed.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        ApiClient student = accounts.login(newStudent());
        String token = student.cookie("faultlab_session").orElseThrow().getValue();

        HttpResponse<String> out = student.delete("/api/session");

        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(json(out).path("user").isNull()).isTrue();
        HttpResponse<String> replayed = server.send(HttpRequest.newBuilder(server.uri("/api/courses"))
                .header("Cookie", "faultlab_session=" + token).GET().build());
        assertThat(replayed.statusCode()).isEqualTo(401);
    }

    @Test
    void changingThePasswordSignsOutEveryOtherSession() {
        String email = newStudent();
        ApiClient here = accounts.login(email);
        ApiClient elsewhere = accounts.login(email);

        HttpResponse<String> wrongCurrent = here.put("/api/account/password",
                Map.of("currentPassword", "not it at all", "newPassword", "a new long password"));
        HttpResponse<String> tooShort = here.put("/api/account/password",
                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "short"));
        HttpResponse<String> changed = here.put("/api/account/password",
                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "a new long password"));

        assertField(wrongCurrent, 400, "currentPassword");
        assertField(tooShort, 400, "newPassword");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(here.get("/api/courses").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/api/courses").statusCode()).isEqualTo(401);
        assertThat(accounts.anonymous().post("/api/session", Map.of("email", email, "password", Accounts.PASSWORD))
                .statusCode()).isEqualTo(401);
        accounts.login(email, "a new long password");
    }

    @Test
    void signUpRefusalsNameTheField() {
        Map<String, String> good = Map.of("email", "fresh" + FRESH.incrementAndGet() + "@x.test", "displayName", "Fresh",
                "password", Accounts.PASSWORD, "joinCode", joinCode);

        assertField(signUp(without(good, "joinCode")), 400, "joinCode");
        assertField(signUp(with(good, "joinCode", "NOPE-NOPE")), 400, "joinCode");
        assertField(signUp(with(good, "password", "short")), 400, "password");
        assertField(signUp(with(good, "email", "not-an-email")), 400, "email");
        assertField(signUp(without(good, "displayName")), 400, "displayName");
        assertField(signUp(with(good, "password", "qwertyuiop")), 400, "password");
        assertThat(accounts.anonymous().post("/api/signup", "{\"email\": 5, \"extra\": true}").statusCode()).isEqualTo(400);
        assertThat(signUp(good).statusCode()).isEqualTo(202);
    }

    @Test
    void signUpAnswersAlikeForAnExistingAddressAndChangesNothing() {
        Map<String, String> existing = Map.of("email", "teacher@x.test", "displayName", "Mallory",
                "password", "mallory's own password", "joinCode", joinCode);
        Map<String, String> fresh = with(existing, "email", "fresh" + FRESH.incrementAndGet() + "@x.test");

        HttpResponse<String> forExisting = signUp(existing);
        HttpResponse<String> forNew = signUp(fresh);

        assertThat(forExisting.statusCode()).isEqualTo(202).isEqualTo(forNew.statusCode());
        assertThat(forExisting.body()).isEqualTo(forNew.body());
        assertThat(forExisting.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("faultlab_session="));
        assertThat(accounts.anonymous().post("/api/session", Map.of("email", "teacher@x.test",
                "password", "mallory's own password")).statusCode()).isEqualTo(401);
        accounts.login("teacher@x.test");
        accounts.login(fresh.get("email"), "mallory's own password");
    }

    @Test
    void aBadJoinCodeIsRefusedBeforeThePasswordIsHashed() {
        AtomicInteger hashed = new AtomicInteger();
        PasswordHasher counting = new PasswordHasher() {
            @Override
            public String hash(String password) {
                hashed.incrementAndGet();
                return super.hash(password);
            }
        };
        AccountService service = new AccountService(server.app().database().sql(), counting, Clock.systemUTC(),
                Duration.ofHours(1), Accounts.ADMIN_EMAIL);
        String email = "hashed" + FRESH.incrementAndGet() + "@x.test";

        assertThatThrownBy(() -> service.signUp(new SignUp(email, "Hashed", Accounts.PASSWORD, "WRONG00000", null), "10.9.0.1"))
                .isInstanceOf(AccountException.class);
        assertThat(hashed).hasValue(0);
        service.signUp(new SignUp(email, "Hashed", Accounts.PASSWORD, joinCode, null), "10.9.0.1");
        assertThat(hashed).hasValue(1);
    }

    @Test
    void guessingJoinCodesFromOneAddressIsSlowedDownAfterTen() {
        Map<String, String> guess = Map.of("email", "guesser@x.test", "displayName", "Guesser",
                "password", Accounts.PASSWORD, "joinCode", "GUESS00000");
        for (int i = 0; i < 10; i++) {
            assertField(accounts.anonymousFrom("10.8.0.1").post("/api/signup", guess), 400, "joinCode");
        }

        HttpResponse<String> slowed = accounts.anonymousFrom("10.8.0.1").post("/api/signup", guess);
        HttpResponse<String> elsewhere = accounts.anonymousFrom("10.8.0.2").post("/api/signup", guess);

        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(json(slowed).path("error").path("message").asText()).startsWith("Too many sign-ups from your network address.");
        assertField(elsewhere, 400, "joinCode");
    }

    @Test
    void aJoinCodeTypedInLowerCaseWithADashStillWorks() {
        String typed = joinCode.substring(0, 5).toLowerCase() + "-" + joinCode.substring(5).toLowerCase();

        HttpResponse<String> response = signUp(Map.of("email", "typist@x.test", "displayName", "Typist",
                "password", Accounts.PASSWORD, "joinCode", typed));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(accounts.login("typist@x.test").get("/api/courses/" + courseId).statusCode()).isEqualTo(200);
    }

    @Test
    void aRegeneratedJoinCodeReplacesTheOldOne() {
        JsonNode course = Accounts.createCourse(instructor, "REGEN-" + FRESH.incrementAndGet(), "Regenerated");
        String old = course.path("joinCode").asText();

        String fresh = json(instructor.post("/api/courses/" + course.path("id").asLong() + "/join-code", null))
                .path("joinCode").asText();

        assertThat(fresh).isNotEqualTo(old).hasSize(10);
        ApiClient student = accounts.login(newStudent());
        assertField(student.post("/api/courses/join", Map.of("joinCode", old)), 400, "joinCode");
        assertThat(student.post("/api/courses/join", Map.of("joinCode", fresh)).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvitationSignsUpTheInvitedPersonOnce() {
        HttpResponse<String> issued = instructor.post("/api/courses/" + courseId + "/invitations",
                Map.of("email", "Invited@X.test", "role", "STUDENT"));
        assertThat(issued.statusCode()).isEqualTo(201);
        String invitation = json(issued).path("invitation").asText();

        JsonNode preview = json(accounts.anonymous().post("/api/invitations/preview", Map.of("invitation", invitation)));
        assertThat(preview.path("email").asText()).isEqualTo("invited@x.test");
        assertThat(preview.path("courseTitle").asText()).isEqualTo("Accounts course");

        Map<String, String> signUp = Map.of("email", "invited@x.test", "displayName", "Ivy Invited",
                "password", Accounts.PASSWORD, "invitation", invitation);
        assertField(signUp(with(signUp, "email", "someone-else@x.test")), 400, "email");
        assertThat(accounts.anonymous().post("/api/signup", signUp).statusCode()).isEqualTo(202);
        ApiClient ivy = accounts.login("invited@x.test");
        assertThat(ivy.get("/api/courses/" + courseId).statusCode()).isEqualTo(200);
        assertThat(ivy.post("/api/invitations/accept", Map.of("invitation", invitation)).statusCode()).isEqualTo(200);
        assertField(signUp(with(signUp, "email", "invited@x.test")), 400, "invitation");
    }

    @Test
    void anExistingUserAcceptsAnInstructorInvitationAndMayThenManageTheCourse() {
        String email = newStudent();
        ApiClient colleague = accounts.login(email);
        assertThat(colleague.get("/api/courses/" + courseId + "/members").statusCode()).isEqualTo(403);
        String invitation = json(instructor.post("/api/courses/" + courseId + "/invitations",
                Map.of("email", email, "role", "INSTRUCTOR"))).path("invitation").asText();

        HttpResponse<String> accepted = colleague.post("/api/invitations/accept", Map.of("invitation", invitation));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).path("role").asText()).isEqualTo("INSTRUCTOR");
        assertThat(colleague.get("/api/courses/" + courseId + "/members").statusCode()).isEqualTo(200);
    }

    @Test
    void courseLabsMustExistInTheCatalogAndHaveSensibleDates() {
        String labs = "/api/courses/" + courseId + "/labs/";

        HttpResponse<String> unknown = instructor.put(labs + "no-such-lab", Map.of());
        HttpResponse<String> backwards = instructor.put(labs + "two-generals",
                Map.of("opensAt", "2030-02-01T00:00:00Z", "dueAt", "2030-01-01T00:00:00Z"));
        HttpResponse<String> garbled = instructor.put(labs + "two-generals", Map.of("opensAt", "next tuesday"));
        HttpResponse<String> fine = instructor.put(labs + "two-generals",
                Map.of("opensAt", "2020-01-01T00:00:00Z", "dueAt", "2099-01-01T00:00:00Z"));

        assertField(unknown, 404, "labId");
        assertField(backwards, 400, "dueAt");
        assertField(garbled, 400, "opensAt");
        assertThat(fine.statusCode()).isEqualTo(200);
        JsonNode lab = json(fine);
        assertThat(lab.path("title").asText()).isEqualTo("The two generals");
        assertThat(lab.path("status").asText()).isEqualTo("open");
    }

    @Test
    void aRoleTakenAwayAppliesAtTheNextRequest() {
        long id = accounts.createUser("demoted@x.test", "Demoted", true);
        ApiClient demoted = accounts.login("demoted@x.test");
        ApiClient admin = accounts.loginAsAdmin();

        assertThat(admin.put("/api/admin/users/" + id + "/roles", Map.of("isAdmin", false, "isInstructor", false))
                .statusCode()).isEqualTo(200);

        assertThat(demoted.post("/api/courses", Map.of("code", "NOPE-1", "title", "Nope")).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorCannotTakeAwayTheirOwnAdministratorRole() {
        ApiClient admin = accounts.loginAsAdmin();
        long self = json(admin.get("/api/session")).path("user").path("id").asLong();

        assertField(admin.put("/api/admin/users/" + self + "/roles", Map.of("isAdmin", false, "isInstructor", true)),
                409, "isAdmin");
        assertField(admin.put("/api/admin/users/" + self + "/roles", Map.of("isInstructor", true)), 400, "isAdmin");
    }

    @Test
    void theAuditLogRecordsWhoDidWhatButNeverAPassword() {
        String email = newStudent();
        accounts.anonymousFrom("10.5.0.1").post("/api/session", Map.of("email", email, "password", "a wrong password!"));
        ApiClient student = accounts.login(email);
        student.put("/api/account/password", Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "the next password"));
        student.delete("/api/session");

        List<String> actions = server.app().database().sql().select(AUDIT_EVENTS.ACTION).from(AUDIT_EVENTS)
                .fetch(AUDIT_EVENTS.ACTION);
        assertThat(actions).contains("login.failed", "login.succeeded", "password.changed", "logout", "course.created",
                "enrollment.added", "account.created");
        String everything = server.app().database().sql().selectFrom(AUDIT_EVENTS).fetch().formatCSV();
        assertThat(everything).contains("10.5.0.1").contains(email)
                .doesNotContain(Accounts.PASSWORD).doesNotContain("a wrong password!").doesNotContain("the next password")
                .doesNotContain(Accounts.ADMIN_PASSWORD);

        JsonNode events = json(accounts.loginAsAdmin().get("/api/admin/audit")).path("events");
        assertThat(events.get(0).path("action").asText()).isEqualTo("login.succeeded");
        assertThat(events.get(0).path("actorEmail").asText()).isEqualTo(Accounts.ADMIN_EMAIL);
    }

    @Test
    void removingAStudentIsAuditedAndTheyLoseAccess() {
        String email = newStudent();
        ApiClient student = accounts.login(email);
        long studentId = json(student.get("/api/session")).path("user").path("id").asLong();

        assertThat(instructor.delete("/api/courses/" + courseId + "/students/" + studentId).statusCode()).isEqualTo(204);

        assertThat(student.get("/api/courses/" + courseId).statusCode()).isEqualTo(404);
        assertThat(instructor.delete("/api/courses/" + courseId + "/students/" + studentId).statusCode()).isEqualTo(404);
        assertThat(server.app().database().sql().fetchExists(AUDIT_EVENTS,
                AUDIT_EVENTS.ACTION.eq("enrollment.removed").and(AUDIT_EVENTS.SUBJECT.eq("course:" + courseId)))).isTrue();
    }

    /** Signs up a new student of the course over HTTP and returns their email. */
    private static String newStudent() {
        String email = "student" + FRESH.incrementAndGet() + "@x.test";
        accounts.signUp(email, "Student " + FRESH.get(), joinCode);
        return email;
    }

    private static HttpResponse<String> signUp(Map<String, String> body) {
        return accounts.anonymous().post("/api/signup", body);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> base, String key) {
        Map<String, String> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("faultlab_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static void assertCsrfRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("csrf_failed");
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").path("details").path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(json(response).path("error").path("message").asText()).isNotBlank();
    }
}
