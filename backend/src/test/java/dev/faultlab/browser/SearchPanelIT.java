package dev.faultlab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Find a violation" in the run view, as a student uses it: a search of flooding with too few rounds finds agreement
 * broken, and its counterexample opens as a run whose properties panel shows agreement red; a search of the correct
 * protocol with a large bound shows its progress growing until the student cancels it.
 */
@ExtendWith(BrowserExtension.class)
class SearchPanelIT {
    /** One round for one crash: a crash part-way through the only broadcast leaves two processes disagreeing. */
    static final Map<String, Object> TOO_FEW_ROUNDS = Map.of("protocol", "flooding", "seed", 1,
            "params", Map.of("n", 3, "f", 1, "rounds", 1, "values", List.of(1, 2, 3)));
    /** f + 1 rounds: correct, and with two crashes and three losses far more states than the test waits for. */
    static final Map<String, Object> CORRECT = Map.of("protocol", "flooding", "seed", 1,
            "params", Map.of("n", 5, "f", 2, "values", List.of(1, 2, 3, 4, 5)));

    /** A loaded machine may take a while to search: the explorer's own bounds end every search anyway. */
    private static final LocatorAssertions.HasAttributeOptions SEARCHING = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(90_000);

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        accounts = new Accounts(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStudentFindsTheViolationOfFloodingAndOpensTheCounterexampleWhereAgreementTurnsRed(Page page) {
        String run = openRun(page, "finder@search.test", TOO_FEW_ROUNDS);
        assertThat(page.locator("#properties li[data-property='agreement']")).hasAttribute("data-status", "holds");

        page.locator("#search-details summary").click();
        assertThat(page.locator("#search-maxStates-hint")).containsText("1 to 5,000,000 on this server");
        assertThat(page.locator("#search-maxDepth")).hasValue("40");
        assertThat(page.locator("#search-property option[value='goal:smallest-value-lost']")).hasCount(1);
        page.locator("#search-property").selectOption("agreement");
        page.locator("#search-start").click();

        Locator status = page.locator("#search-status");
        assertThat(status).hasAttribute("data-status", "FOUND", SEARCHING);
        assertThat(page.locator("#search-explored")).hasAttribute("data-value", Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#search-violation")).containsText("agreement is violated");
        assertThat(page.locator("#search-violation")).containsText("no run breaks it in fewer");
        page.locator("#search-open").click();

        page.waitForURL(url -> url.contains("/run.html?id=") && !url.contains(run));
        Locator agreement = page.locator("#properties li[data-property='agreement']");
        assertThat(agreement).hasAttribute("data-status", "holds");
        assertThat(page.locator("#read-only")).isHidden();
        page.locator("#speed").selectOption("2000");
        page.locator("#play").click();
        assertThat(agreement).hasAttribute("data-status", "violated", SEARCHING);
        assertThat(page.locator("#run-meta")).hasAttribute("data-status", "ENDED");
    }

    @Test
    void aLongSearchShowsItsProgressGrowingUntilTheStudentCancelsIt(Page page) {
        openRun(page, "patient@search.test", CORRECT);
        page.locator("#search-details summary").click();
        page.locator("#search-maxDepth").fill("0");
        page.locator("#search-start").click();
        assertThat(page.locator("#search-error")).hasText("Steps from the start: 0 is outside 1 to 200.");
        assertThat(page.locator("#search-maxDepth")).hasAttribute("aria-invalid", "true");

        page.locator("#search-maxDepth").fill("200");
        page.locator("#search-maxCrashes").fill("2");
        page.locator("#search-maxDrops").fill("3");
        page.locator("#search-maxStates").fill("5000000");
        page.locator("#search-maxSeconds").fill("600");
        page.locator("#search-probes").fill("0");
        page.locator("#search-start").click();

        assertThat(page.locator("#search-status")).hasAttribute("data-status", "RUNNING", SEARCHING);
        assertThat(page.locator("#search-explored")).hasAttribute("data-value", Pattern.compile("[1-9]\\d*"), SEARCHING);
        double first = Double.parseDouble(page.locator("#search-explored").getAttribute("data-value"));
        page.waitForFunction("seen => Number(document.querySelector('#search-explored').dataset.value) > seen", first);
        assertThat(page.locator("#search-distinct")).not().hasText("0");
        page.locator("#search-cancel").click();

        assertThat(page.locator("#search-status")).hasAttribute("data-status", "CANCELLED", SEARCHING);
        assertThat(page.locator("#search-outcome")).hasText("Cancelled.");
        assertThat(page.locator("#search-cancel")).hasCount(0);
    }

    /** Signs a new student in, creates their run and opens it in the run view; returns its id. */
    private static String openRun(Page page, String email, Map<String, Object> recipe) {
        accounts.createUser(email, "Student", false);
        ApiClient user = accounts.login(email);
        page.context().addCookies(List.of(new Cookie("faultlab_session",
                user.cookie("faultlab_session").orElseThrow().getValue()).setUrl(server.baseUrl())));
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("run").path("id").asText();
        page.navigate(server.baseUrl() + "/run.html?id=" + id);
        assertThat(page.locator("#properties li[data-property='agreement']")).isVisible();
        return id;
    }
}
