package dev.faultlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.account.PasswordHasher;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.faultlab.store.db.Tables.ENROLLMENTS;
import static dev.faultlab.store.db.Tables.USERS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People for tests: users written straight into the database (fast set-up), and browsers that sign up and log in
 * over HTTP like real ones.
 */
public final class Accounts {
    /** Every user made by {@link #createUser} has this password. */
    public static final String PASSWORD = "correct horse battery";
    /** What start(...) sets FAULTLAB_ADMIN_PASSWORD to. */
    public static final String ADMIN_EMAIL = "admin@faultlab.local";
    public static final String ADMIN_PASSWORD = "admin password for tests";
    private static final String PASSWORD_HASH = new PasswordHasher().hash(PASSWORD);

    private final TestServer server;

    public Accounts(TestServer server) {
        this.server = server;
    }

    /** The environment that creates the administrator {@link #ADMIN_EMAIL} at start. */
    public static Map<String, String> withAdmin() {
        return Map.of("FAULTLAB_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    /** A user with {@link #PASSWORD}; {@code instructor} lets them create courses. Returns the user's id. */
    public long createUser(String email, String displayName, boolean instructor) {
        return server.app().database().sql().insertInto(USERS)
                .set(USERS.EMAIL, email)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.PASSWORD_HASH, PASSWORD_HASH)
                .set(USERS.IS_INSTRUCTOR, instructor)
                .returning(USERS.ID).fetchOne().getId();
    }

    /** Puts a user into a course directly, e.g. to have someone to remove. */
    public void enroll(long courseId, long userId, String role) {
        server.app().database().sql().insertInto(ENROLLMENTS)
                .set(ENROLLMENTS.COURSE_ID, courseId).set(ENROLLMENTS.USER_ID, userId).set(ENROLLMENTS.ROLE, role)
                .execute();
    }

    public boolean isEnrolled(long courseId, long userId) {
        return server.app().database().sql().fetchExists(ENROLLMENTS,
                ENROLLMENTS.COURSE_ID.eq(courseId).and(ENROLLMENTS.USER_ID.eq(userId)));
    }

    public ApiClient anonymous() {
        return new ApiClient(server, Map.of());
    }

    /** A browser whose requests claim to come through a proxy from {@code address} (needs FAULTLAB_TRUST_PROXY). */
    public ApiClient anonymousFrom(String address) {
        return new ApiClient(server, Map.of("X-Forwarded-For", address));
    }

    public ApiClient login(String email, String password) {
        ApiClient client = anonymous();
        HttpResponse<String> response = client.post("/api/session", Map.of("email", email, "password", password));
        assertThat(response.statusCode()).as("login of %s: %s", email, response.body()).isEqualTo(200);
        return client;
    }

    public ApiClient login(String email) {
        return login(email, PASSWORD);
    }

    public ApiClient loginAsAdmin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Signs up over HTTP with a course's join code, then logs in as the sign-up page does. */
    public ApiClient signUp(String email, String displayName, String joinCode) {
        HttpResponse<String> response = anonymous().post("/api/signup",
                Map.of("email", email, "displayName", displayName, "password", PASSWORD, "joinCode", joinCode));
        assertThat(response.statusCode()).as("sign-up of %s: %s", email, response.body()).isEqualTo(202);
        return login(email);
    }

    /** Creates a course as {@code instructor} and returns it (with its id and join code). */
    public static JsonNode createCourse(ApiClient instructor, String code, String title) {
        HttpResponse<String> response = instructor.post("/api/courses", Map.of("code", code, "title", title));
        assertThat(response.statusCode()).as("course creation: %s", response.body()).isEqualTo(201);
        return json(response);
    }
}
