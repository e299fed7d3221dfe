package dev.faultlab.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.App;
import dev.faultlab.account.DemoSeed;
import dev.faultlab.config.ConfigException;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.faultlab.store.db.Tables.COURSES;
import static dev.faultlab.store.db.Tables.USERS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first administrator (from the environment or the one-time setup link) and demo mode, across restarts. */
class FirstStartIT {
    private static final Pattern SETUP_LINK = Pattern.compile("/setup\\.html#token=([A-Za-z0-9_-]+)");

    private final Logger appLog = (Logger) LoggerFactory.getLogger(App.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        logged.start();
        appLog.addAppender(logged);
    }

    @AfterEach
    void releaseTheLog() {
        appLog.detachAppender(logged);
    }

    @Test
    void withoutAnAdministratorTheLoggedSetupLinkCreatesOneExactlyOnce(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(dataDir)) {
            Accounts accounts = new Accounts(server);
            String token = setupToken();
            assertThat(json(server.get("/api/setup")).path("pending").asBoolean()).isTrue();
            Map<String, String> setup = Map.of("token", token, "displayName", "Ada Admin", "password", "the admin's password");

            assertThat(accounts.anonymous().post("/api/setup", Map.of("token", "forged", "displayName", "Mallory",
                    "password", "mallory's password")).statusCode()).isEqualTo(400);
            ApiClient admin = accounts.anonymous();
            HttpResponse<String> created = admin.post("/api/setup", setup);
            HttpResponse<String> again = accounts.anonymous().post("/api/setup", setup);

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(json(created).path("user").path("isAdmin").asBoolean()).isTrue();
            assertThat(admin.get("/api/admin/users").statusCode()).isEqualTo(200);
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(json(server.get("/api/setup")).path("pending").asBoolean()).isFalse();
        }
        logged.list.clear();
        try (TestServer restarted = TestServer.start(dataDir)) {
            assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains("setup.html"));
            new Accounts(restarted).login(Accounts.ADMIN_EMAIL, "the admin's password");
        }
    }

    @Test
    void theAdministratorFromTheEnvironmentIsCreatedOnceAndKeepsAChangedPassword(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(dataDir, Accounts.withAdmin())) {
            assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains("setup.html"));
            ApiClient admin = new Accounts(server).loginAsAdmin();
            assertThat(admin.put("/api/account/password", Map.of("currentPassword", Accounts.ADMIN_PASSWORD,
                    "newPassword", "changed in the browser")).statusCode()).isEqualTo(200);
        }
        try (TestServer restarted = TestServer.start(dataDir, Accounts.withAdmin())) {
            Accounts accounts = new Accounts(restarted);
            accounts.login(Accounts.ADMIN_EMAIL, "changed in the browser");
            assertThat(accounts.anonymous().post("/api/session", Map.of("email", Accounts.ADMIN_EMAIL,
                    "password", Accounts.ADMIN_PASSWORD)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aWeakAdministratorPasswordStopsTheStartNamingTheVariable(@TempDir Path dataDir) {
        assertThatThrownBy(() -> TestServer.start(dataDir, Map.of("FAULTLAB_ADMIN_PASSWORD", "short")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("FAULTLAB_ADMIN_PASSWORD is too weak: A password needs at least 10 characters.");
    }

    @Test
    void demoModeSeedsACourseWhoseAccountsWorkAndRestartsWithoutDuplicates(@TempDir Path dataDir) {
        Map<String, String> demo = Map.of("FAULTLAB_DEMO", "true", "FAULTLAB_ADMIN_PASSWORD", Accounts.ADMIN_PASSWORD);
        String joinCode;
        try (TestServer server = TestServer.start(dataDir, demo)) {
            Accounts accounts = new Accounts(server);
            ApiClient student = accounts.login("student1@demo.faultlab.local", "demo-student-1");
            JsonNode courses = json(student.get("/api/courses")).path("courses");
            assertThat(courses).hasSize(1);
            assertThat(courses.get(0).path("code").asText()).isEqualTo(DemoSeed.COURSE_CODE);
            ApiClient instructor = accounts.login("instructor@demo.faultlab.local", "demo-instructor");
            long courseId = courses.get(0).path("id").asLong();
            assertThat(json(instructor.get("/api/courses/" + courseId + "/members")).path("members")).hasSize(4);
            joinCode = json(instructor.get("/api/courses/" + courseId)).path("joinCode").asText();
            assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().contains("student2@demo.faultlab.local / demo-student-2"));
            assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().contains(joinCode));
        }
        try (TestServer restarted = TestServer.start(dataDir, demo)) {
            var sql = restarted.app().database().sql();
            assertThat(sql.fetchCount(COURSES, COURSES.CODE.eq(DemoSeed.COURSE_CODE))).isEqualTo(1);
            assertThat(sql.fetchCount(USERS, USERS.EMAIL.like("%@demo.faultlab.local"))).isEqualTo(4);
            assertThat(sql.select(COURSES.JOIN_CODE).from(COURSES).where(COURSES.CODE.eq(DemoSeed.COURSE_CODE))
                    .fetchOne(COURSES.JOIN_CODE)).isEqualTo(joinCode);
            new Accounts(restarted).login("student3@demo.faultlab.local", "demo-student-3");
        }
    }

    private String setupToken() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).map(SETUP_LINK::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("No setup link was logged"));
    }
}
