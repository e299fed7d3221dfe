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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A lab file that does not load is shown to instructors on the catalog, with where and why; students never see it. */
@ExtendWith(BrowserExtension.class)
class LabProblemsIT {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        Labs.install(dataDir, "good-lab", "A good lab");
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
        accounts.createUser("student@x.test", "Sam Student", false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInstructorSeesWhereAndWhyALabFileDoesNotLoad(Page page) {
        logIn(page, "teacher@x.test");
        page.navigate(server.baseUrl() + "/catalog.html");

        Locator problems = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Labs that do not load"));
        assertThat(problems).isVisible();
        assertThat(problems.locator("li[data-lab='broken-lab']").first())
                .hasText("broken-lab/lab.yaml, line 7 (exercises[0]): required property 'type' not found");
        assertThat(page.locator(".lab-card")).containsText(new String[] {"A good lab"});
    }

    @Test
    void aStudentSeesOnlyTheLabsThatLoad(Page page) {
        logIn(page, "student@x.test");
        page.navigate(server.baseUrl() + "/catalog.html");

        assertThat(page.locator(".lab-card").first()).containsText("A good lab");
        assertThat(page.locator(".lab-problems")).hasCount(0);
    }

    private static void logIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
    }
}
