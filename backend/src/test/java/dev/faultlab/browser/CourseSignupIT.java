package dev.faultlab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.Labs;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An instructor creates a course and gets its join code; a student signs up with it and sees the course. */
@ExtendWith(BrowserExtension.class)
class CourseSignupIT {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        Labs.install(dataDir, "two-generals", "The two generals");
        server = TestServer.start(dataDir, Accounts.withAdmin());
        new Accounts(server).createUser("teacher@x.test", "Tess Teacher", true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInstructorCreatesACourseAndAStudentSignsUpWithItsJoinCode(Page page) {
        logIn(page, "teacher@x.test", Accounts.PASSWORD);
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
        assertThat(page.locator("#signed-in-as")).hasText("Tess Teacher");

        field(page, "Course code").fill("DS-2030");
        field(page, "Title").fill("Distributed systems");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create course")).click();

        assertThat(page).hasURL(Pattern.compile(".*/course\\.html\\?id=\\d+"));
        Locator joinCode = page.locator("#join-code");
        assertThat(joinCode).hasText(Pattern.compile("[A-Z2-9]{10}"));
        field(page, "Lab").selectOption("two-generals");
        field(page, "Due (optional)").fill("2099-01-01T10:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add or update the lab")).click();
        assertThat(page.locator("#labs")).containsText("The two generals");
        String code = joinCode.textContent();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page).hasURL(server.baseUrl() + "/login.html");

        page.navigate(server.baseUrl() + "/signup.html");
        field(page, "Course join code").fill(code.toLowerCase());
        field(page, "Your name").fill("Sam Student");
        field(page, "Email address").fill("sam@x.test");
        field(page, "Password").fill("sam's long password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();

        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
        assertThat(page.locator("#signed-in-as")).hasText("Sam Student");
        Locator course = page.locator(".course-card");
        assertThat(course).hasCount(1);
        assertThat(course).containsText("Distributed systems");
        assertThat(course).containsText("The two generals");
        assertThat(course).not().containsText(code);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage this course"))).hasCount(0);
    }

    @Test
    void aWrongPasswordIsExplainedInWords(Page page) {
        logIn(page, "teacher@x.test", "not the password");

        assertThat(page.locator("#login-form .form-error")).hasText("The email address or the password is not right.");
        assertThat(page).hasURL(server.baseUrl() + "/login.html");
    }

    @Test
    void aMissingJoinCodeIsShownNextToItsField(Page page) {
        page.navigate(server.baseUrl() + "/signup.html");
        field(page, "Your name").fill("No Code");
        field(page, "Email address").fill("nocode@x.test");
        field(page, "Password").fill("a long enough password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();

        Locator joinCode = field(page, "Course join code");
        assertThat(page.locator("#joinCode-error")).hasText(Pattern.compile("join code"));
        assertThat(joinCode).hasAttribute("aria-invalid", "true");
        assertThat(joinCode).hasAttribute("aria-describedby", Pattern.compile("joinCode-error"));
    }

    @Test
    void theHeaderOffersLoginToAnonymousVisitors(Page page) {
        page.navigate(server.baseUrl() + "/catalog.html");

        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign up"))).isVisible();
    }

    private static void logIn(Page page, String email, String password) {
        page.navigate(server.baseUrl() + "/login.html");
        field(page, "Email address").fill(email);
        field(page, "Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }
}
