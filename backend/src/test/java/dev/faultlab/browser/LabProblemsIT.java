package dev.faultlab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Labs;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.fail;

/**
 * Broken labs are shown to instructors on the catalog and the course page, with where and why and what students
 * are served meanwhile: a lab file that never loaded, and a lab whose self-test fails after an edit made while
 * the server runs. Students never see them.
 */
@ExtendWith(BrowserExtension.class)
class LabProblemsIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static long courseId;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Labs.install(dataDir, "good-lab", "A good lab");
        Labs.install(dataDir, "edited-lab", "A lab edited later");
        Labs.write(dataDir, "broken-lab", """
                title: A broken lab
                summary: Its exercise has no type.
                protocol: flooding
                scenario:
                  params: {n: 3, f: 1, values: [3, 1, 2]}
                exercises:
                  - id: decisions
                    title: Who decides what
                    prompt: Enter each process's decision.
                    points: 1
                    answer: {key: flooding.decisions}
                """);
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("teacher@x.test", "Tess Teacher", true);
        long student = accounts.createUser("student@x.test", "Sam Student", false);
        ApiClient teacher = accounts.login("teacher@x.test");
        courseId = Accounts.createCourse(teacher, "LP-1", "Lab problems").path("id").asLong();
        for (String lab : new String[] {"good-lab", "edited-lab"}) {
            HttpResponse<String> put = teacher.put("/api/courses/" + courseId + "/labs/" + lab, Map.of());
            org.assertj.core.api.Assertions.assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        accounts.enroll(courseId, student, "STUDENT");

        // After start, an edit whose listed wrong answer is the right one: its self-test fails.
        Path file = dataDir.resolve("labs/edited-lab/lab.yaml");
        Files.writeString(file, Files.readString(file) + """
                    wrong:
                      - cells: {"P1/value": "1", "P2/value": "1", "P3/value": "1"}
                """);
        awaitBroken(teacher, "edited-lab");
    }

    /** The server looks at the folder again at most once a second and loads the edit in the background. */
    private static void awaitBroken(ApiClient teacher, String lab) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (json(teacher.get("/api/labs")).path("broken").findValuesAsText("id").contains(lab)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the edited lab was never listed as broken");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInstructorSeesWhereAndWhyALabFileDoesNotLoad(Page page) {
        logIn(page, "teacher@x.test");
        page.navigate(server.baseUrl() + "/catalog.html");

        Locator problems = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Broken labs"));
        assertThat(problems).isVisible();
        assertThat(problems.locator("li[data-broken-lab='broken-lab']")).containsText("It never loaded, so students are not offered it.");
        assertThat(problems.locator("li[data-lab='broken-lab']").first())
                .hasText("broken-lab/lab.yaml, line 7 (exercises[0]): required property 'type' not found");
        assertThat(page.locator(".lab-card[data-lab='good-lab']")).containsText("A good lab");
    }

    @Test
    void anInstructorSeesALabWhoseSelfTestFailsFlaggedOnTheCatalog(Page page) {
        logIn(page, "teacher@x.test");
        page.navigate(server.baseUrl() + "/catalog.html");

        assertThat(page.locator(".lab-card[data-lab='edited-lab'] .lab-flag")).hasText("Broken: last good version in service");
        assertThat(page.locator(".lab-card[data-lab='good-lab'] .lab-flag")).hasCount(0);
        Locator problems = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Broken labs"));
        assertThat(problems.locator("li[data-broken-lab='edited-lab']"))
                .containsText("A lab edited later (edited-lab): Its last good version");
        assertThat(problems.locator("li[data-lab='edited-lab']"))
                .hasText("edited-lab/lab.yaml, line 14 (exercises[0].wrong[0]): this wrong answer scores full marks");
    }

    @Test
    void anInstructorSeesTheBrokenLabFlaggedOnTheCoursePage(Page page) {
        logIn(page, "teacher@x.test");
        page.navigate(server.baseUrl() + "/course.html?id=" + courseId);

        Locator labs = page.locator("#labs");
        assertThat(labs.locator("tr").filter(new Locator.FilterOptions().setHasText("A lab edited later")).locator(".lab-flag"))
                .hasText("Broken: last good version in service");
        assertThat(labs.locator("tr").filter(new Locator.FilterOptions().setHasText("A good lab")).locator(".lab-flag")).hasCount(0);
        assertThat(page.locator("#lab-problems li[data-lab='edited-lab']"))
                .hasText("edited-lab/lab.yaml, line 14 (exercises[0].wrong[0]): this wrong answer scores full marks");
    }

    @Test
    void aStudentSeesOnlyTheLabsThatLoad(Page page) {
        logIn(page, "student@x.test");
        page.navigate(server.baseUrl() + "/catalog.html");

        assertThat(page.locator(".lab-card[data-lab='good-lab']")).containsText("A good lab");
        assertThat(page.locator(".lab-card[data-lab='edited-lab']")).containsText("A lab edited later");
        assertThat(page.locator(".lab-problems")).hasCount(0);
        assertThat(page.locator(".lab-flag")).hasCount(0);
    }

    private static void logIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
    }
}
