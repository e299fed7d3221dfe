package dev.faultlab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * The properties panel of the run view, as a student uses it: a flooding run with too few rounds for its crashes
 * plays, agreement turns red at the decision that breaks it, and its witnesses lead to the two decisions.
 */
@ExtendWith(BrowserExtension.class)
class PropertiesPanelIT {
    /** Flooding with two rounds for two crashes: P3 decides 0, P4 decides 3. */
    static final Map<String, Object> TOO_FEW_ROUNDS = Map.of("protocol", "flooding", "seed", 1,
            "params", Map.of("n", 4, "f", 2, "rounds", 2, "values", List.of(3, 0, 5, 7)),
            "faults", List.of(Map.of("at", 0, "kind", "CRASH", "target", 1, "params", Map.of("afterSends", 1)),
                    Map.of("at", 10, "kind", "CRASH", "target", 0, "params", Map.of("afterSends", 2))));

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
    void agreementTurnsRedAtTheBreakingDecisionAndAWitnessLeadsToTheOtherDecision(Page page) {
        accounts.createUser("student@properties.test", "Student", false);
        ApiClient user = accounts.login("student@properties.test");
        page.context().addCookies(List.of(new Cookie("faultlab_session", user.cookie("faultlab_session").orElseThrow().getValue())
                .setUrl(server.baseUrl())));
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", TOO_FEW_ROUNDS));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        page.navigate(server.baseUrl() + "/run.html?id=" + json(created).path("run").path("id").asText());

        Locator agreement = page.locator("#properties li[data-property='agreement']");
        assertThat(agreement).hasAttribute("data-status", "holds");
        assertThat(page.locator("#properties li[data-property='termination']")).hasAttribute("data-status", "pending");
        assertThat(page.locator("#properties li[data-property='termination']")).containsText("judged at the end");

        page.locator("#speed").selectOption("2000");
        page.locator("#play").click();

        assertThat(agreement).hasAttribute("data-status", "violated");
        assertThat(agreement).containsText("P3 decided 0 but P4 decided 3");
        Locator witnesses = agreement.locator("button.witness");
        assertThat(witnesses).hasCount(2);
        int other = Integer.parseInt(witnesses.first().getAttribute("data-seq"));
        int breaking = Integer.parseInt(witnesses.last().getAttribute("data-seq"));
        assertThat(agreement.locator(".property-at")).hasText("event #" + breaking);
        assertThat(page.locator("#properties li[data-property='termination']")).hasAttribute("data-status", "holds");

        witnesses.first().click();

        // The view moved to P3's decision and marks both decisions; there, before P4 decided, agreement still held.
        assertThat(page.locator("#inspector")).hasAttribute("data-at", String.valueOf(other));
        assertThat(page.locator("#diagram")).hasAttribute("data-highlighted", other + " " + breaking);
        assertThat(page.locator("#event-" + other)).hasClass(Pattern.compile("\\bwitness\\b"));
        assertThat(page.locator("#event-" + other)).containsText("P3");
        assertThat(agreement).hasAttribute("data-status", "holds");

        page.locator("#event-" + breaking).click();
        assertThat(page.locator("#inspector")).hasAttribute("data-at", String.valueOf(breaking));
        assertThat(page.locator("#event-" + breaking)).hasClass(Pattern.compile("\\bwitness\\b"));
        assertThat(agreement).hasAttribute("data-status", "violated");
        assertThat(page.locator("#properties li[data-property='termination']")).hasAttribute("data-status", "pending");
    }
}
