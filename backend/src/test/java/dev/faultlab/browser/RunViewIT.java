package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import dev.faultlab.run.RunCodec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.store.RunStore;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run view in Chromium, driven the way a student drives it: start a flooding run from the catalog,
 * step it, crash a process, cut a link, scrub, branch, reload, and lose the connection.
 * Assertions read the log's rows, the panels' text and the data attributes the canvases publish, never pixels.
 */
@ExtendWith(BrowserExtension.class)
class RunViewIT {
    /** Flooding consensus with n=5 and f=2: 3 rounds; round 1 has n·(n−1) = 20 sends. */
    static final Map<String, Object> FLOODING = Map.of("protocol", "flooding", "seed", 7,
            "params", Map.of("n", 5, "f", 2, "values", List.of(4, 1, 3, 9, 2)));
    static final AtomicInteger USERS = new AtomicInteger();

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
    void aFloodingRunStartedFromTheCatalogShowsRoundOneInTheDiagramAndTheLogAndReopensAfterAReload(Page page) {
        String email = newUser();
        page.navigate(server.baseUrl() + "/login.html");
        field(page, "Email address").fill(email);
        field(page, "Password").fill(Accounts.PASSWORD);
        button(page, "Log in").click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");

        page.navigate(server.baseUrl() + "/catalog.html");
        Locator flooding = page.locator(".protocol-card[data-protocol='flooding']");
        assertThat(flooding).containsText("Flooding consensus");
        flooding.locator("a.button").click();
        field(page, "n").fill("5");
        field(page, "f").fill("2");
        button(page, "Start the run").click();

        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=[0-9a-f-]{36}"));
        assertThat(page.locator("#run-title")).hasText("Flooding consensus (crash failures)");
        button(page, "Next round (Shift+→)").click();

        Locator diagram = page.locator("#diagram");
        assertThat(diagram).hasAttribute("data-sends", "20");
        assertThat(diagram).hasAttribute("data-round", "1");
        assertThat(diagram).hasAttribute("aria-label", Pattern.compile("20 messages sent"));
        page.locator("#filter-kind").selectOption("SEND");
        assertThat(page.locator("#log-count")).hasAttribute("data-matches", "20");
        page.locator("#filter-node").selectOption("0");
        Locator rows = page.locator("#log-rows [data-kind='SEND']");
        assertThat(rows).hasCount(4);
        assertThat(rows.first()).containsText("P1 sends Known to P2");

        button(page, "Next round (Shift+→)").click();
        assertThat(diagram).hasAttribute("data-delivers", "20");
        assertThat(diagram).hasAttribute("data-round", "2");
        String url = page.url();
        String events = diagram.getAttribute("data-events");

        page.reload();
        assertThat(page).hasURL(url);
        assertThat(diagram).hasAttribute("data-events", events);
        assertThat(diagram).hasAttribute("data-delivers", "20");
        assertThat(page.locator("#read-only")).isHidden();
    }

    @Test
    void sevenGeneralsWithTwoTraitorsShowRoundOneInTheDiagramAndTheLog(Page page) {
        signIn(page);
        page.navigate(server.baseUrl() + "/new-run.html?protocol=byzantine");
        page.locator("#param-n").fill("7");
        page.locator("#param-m").fill("2");
        page.locator("#add-byzantine").click();
        page.locator("#add-byzantine").click();
        page.locator("#byzantine-0-node").selectOption("0");
        page.locator("#byzantine-0-behaviour").selectOption("equivocate");
        page.locator("#byzantine-1-node").selectOption("1");
        page.locator("#byzantine-1-behaviour").selectOption("equivocate");
        button(page, "Start the run").click();

        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=[0-9a-f-]{36}"));
        button(page, "Next round (Shift+→)").click();

        // Round 1 of oral messages: every general, traitors included, tells each of the six others its value.
        Locator diagram = page.locator("#diagram");
        assertThat(diagram).hasAttribute("data-round", "1");
        assertThat(diagram).hasAttribute("data-sends", "42");
        page.locator("#filter-kind").selectOption("SEND");
        page.locator("#filter-node").selectOption("2");
        Locator rows = page.locator("#log-rows [data-kind='SEND']");
        assertThat(rows).hasCount(6);
        assertThat(rows.first()).containsText("P3 sends");
    }

    @Test
    void theRunFormExplainsLimitsAsYouTypeAndShowsTheServersRefusalNextToTheField(Page page) {
        signIn(page);
        page.navigate(server.baseUrl() + "/new-run.html?protocol=flooding");
        Locator n = field(page, "n");
        assertThat(page.locator("#param-n-hint")).containsText("a whole number from 2 to 64");

        n.fill("500");
        assertThat(page.locator("#param-n-error")).hasText("n must be at most 64, got 500.");
        assertThat(n).hasAttribute("aria-invalid", "true");
        n.fill("5");
        assertThat(page.locator("#param-n-error")).hasText("");

        field(page, "f").fill("7");
        button(page, "Start the run").click();
        assertThat(page.locator("#param-f-error")).hasText("Must be less than n=5, got 7.");
        assertThat(field(page, "f")).hasAttribute("aria-invalid", "true");
        assertThat(page).hasURL(Pattern.compile(".*/new-run\\.html.*"));
    }

    @Test
    void aCrashShowsInTheTopologyTheDiagramTheInspectorAndTheFaultPlan(Page page) {
        ApiClient user = signIn(page);
        openRun(page, createRun(user));
        button(page, "Next round (Shift+→)").click();
        assertThat(page.locator("#diagram")).hasAttribute("data-sends", "20");

        // Direct manipulation: P2 (id 1) sits on the topology's circle, clockwise after P1 at the top.
        clickNodeOnCanvas(page, 1, 5);
        button(page, "Crash P2").click();
        button(page, "Next round (Shift+→)").click();

        assertThat(page.locator("#topology")).hasAttribute("data-crashed", "1");
        assertThat(page.locator(".node-button[data-node='1']")).hasText(Pattern.compile("P2: crashed"));
        assertThat(page.locator("#diagram")).hasAttribute("data-crashes", "1");
        assertThat(page.locator("#inspector tr[data-node='1']")).hasAttribute("data-status", "crashed");
        assertThat(page.locator("#inspector tr[data-node='1']")).containsText("crashed");
        Locator fault = page.locator("#fault-plan .fault-item");
        assertThat(fault).hasCount(1);
        assertThat(fault).containsText("crash P2");
        assertThat(fault).hasAttribute("data-state", "reached");
        page.locator("#filter-kind").selectOption("CRASH");
        assertThat(page.locator("#log-rows [data-kind='CRASH']")).hasText(Pattern.compile("P2 crashes"));
    }

    @Test
    void cuttingALinkDropsTheMessagesOnItWithTheReasonLinkDown(Page page) {
        ApiClient user = signIn(page);
        openRun(page, createRun(user));
        button(page, "Next round (Shift+→)").click();
        assertThat(page.locator("#diagram")).hasAttribute("data-sends", "20");

        page.locator("#link-from").selectOption("0");
        page.locator("#link-to").selectOption("3");
        button(page, "Pick this link").click();
        button(page, "Cut link P1 ↔ P4").click();
        assertThat(page.locator("#topology")).hasAttribute("data-cut", "0-3");
        button(page, "Next round (Shift+→)").click();

        // Round 1's messages on the link are lost on arrival; round 2's, sent as the round starts, at once.
        assertThat(page.locator("#diagram")).hasAttribute("data-drops", "4");
        page.locator("#filter-kind").selectOption("DROP");
        Locator drops = page.locator("#log-rows [data-kind='DROP']");
        assertThat(drops).hasCount(4);
        for (Locator drop : drops.all()) {
            assertThat(drop).containsText("dropped: link down");
        }
        assertThat(page.locator("#fault-plan")).containsText("cut link P1 ↔ P4");
    }

    @Test
    void scrubbingBackAndForthShowsIdenticalStates(Page page) {
        ApiClient user = signIn(page);
        String id = createRun(user);
        openRun(page, id);
        page.locator("#speed").selectOption("500");
        button(page, "Play (Space)").click();
        assertThat(page.locator("#run-meta")).hasAttribute("data-status", "ENDED");
        int total = json(user.get("/api/runs/" + id)).path("run").path("eventCount").asInt();
        assertThat(page.locator("#diagram")).hasAttribute("data-events", String.valueOf(total));

        page.locator("#scrubber").fill("30");
        String at30 = inspectorAt(page, 30);
        page.locator("#scrubber").fill("70");
        String at70 = inspectorAt(page, 70);
        page.locator("#run-title").click();
        page.keyboard().press("Home");
        for (int i = 0; i < 30; i++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(inspectorAt(page, 30)).isEqualTo(at30);
        page.locator("#scrubber").fill("70");
        assertThat(inspectorAt(page, 70)).isEqualTo(at70);
        assertThat(at70).isNotEqualTo(at30);
        assertThat(page.locator("#log-rows .current")).hasAttribute("data-seq", "70");
    }

    @Test
    void aBranchFromThePastSharesItsEventsDivergesWithItsOwnFaultAndLinksBackToTheOriginal(Page page) {
        ApiClient user = signIn(page);
        String id = createRun(user);
        openRun(page, id);
        button(page, "Next round (Shift+→)").click();
        button(page, "Next round (Shift+→)").click();
        assertThat(page.locator("#diagram")).hasAttribute("data-round", "2");
        page.locator("#scrubber").fill("30");

        button(page, "Branch from here…").click();
        Locator dialog = page.locator("#branch-dialog");
        assertThat(dialog.locator("#branch-title")).hasText("Branch from event #30");
        field(page, "Add this fault").check();
        page.locator("#branch-fault-kind").selectOption("CRASH");
        page.locator("#branch-fault-target").selectOption("2");
        button(page, "Start the branch").click();

        assertThat(page).not().hasURL(Pattern.compile(".*" + id));
        assertThat(page.locator("#parent-link")).hasAttribute("href", "/run.html?id=" + id);
        assertThat(page.locator("#run-family")).containsText("at event #31");
        String branchId = page.url().replaceAll(".*id=", "");
        List<JsonNode> parentTrace = trace(user, id);
        List<JsonNode> branchTrace = trace(user, branchId);
        assertThat(branchTrace.subList(0, 31)).isEqualTo(parentTrace.subList(0, 31));

        button(page, "Next round (Shift+→)").click();
        assertThat(page.locator("#diagram")).hasAttribute("data-crashes", "1");
        assertThat(page.locator("#topology")).hasAttribute("data-crashed", "2");

        page.locator("#parent-link").click();
        assertThat(page).hasURL(Pattern.compile(".*id=" + id));
        assertThat(page.locator("#diagram")).hasAttribute("data-crashes", "0");
        assertThat(page.locator(".branch-link")).hasAttribute("href", "/run.html?id=" + branchId);
    }

    @Test
    void removingAPlannedFaultNotReachedYetBranchesWithoutIt(Page page) {
        ApiClient user = signIn(page);
        Map<String, Object> recipe = Map.of("protocol", "flooding", "seed", 7,
                "params", Map.of("n", 5, "f", 2, "values", List.of(4, 1, 3, 9, 2)),
                "faults", List.of(Map.of("at", 15, "kind", "CRASH", "target", 4)));
        String id = createRun(user, recipe);
        openRun(page, id);
        button(page, "Next round (Shift+→)").click();
        Locator planned = page.locator("#fault-plan .fault-item");
        assertThat(planned).hasAttribute("data-state", "pending");
        assertThat(planned).containsText("crash P5 — at time 15 (not reached yet)");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Remove crash P5"))).click();
        assertThat(page.locator("#branch-keep-0")).not().isChecked();
        button(page, "Start the branch").click();

        assertThat(page.locator("#parent-link")).hasAttribute("href", "/run.html?id=" + id);
        assertThat(page.locator("#fault-plan")).containsText("No faults yet");
        String branchId = page.url().replaceAll(".*id=", "");
        assertThat(json(user.get("/api/runs/" + branchId)).path("recipe").path("faults")).isEmpty();
    }

    @Test
    void aLostConnectionShowsANoticeAndReconnectsByItselfWithoutLosingOrRepeatingEvents(Page page) {
        ApiClient user = signIn(page);
        String id = createRun(user, Map.of("protocol", "flooding", "seed", 3, "params", Map.of("n", 8, "f", 3)));
        List<WebSocketRoute> sockets = new ArrayList<>();
        page.routeWebSocket(Pattern.compile(".*/stream.*"), socket -> {
            socket.connectToServer();
            synchronized (sockets) {
                sockets.add(socket);
            }
        });
        openRun(page, id);
        page.locator("#speed").selectOption("100");
        button(page, "Play (Space)").click();

        Locator connection = page.locator("#connection");
        for (int drop = 0; drop < 3; drop++) {
            page.waitForTimeout(500);
            synchronized (sockets) {
                sockets.get(sockets.size() - 1).close(new WebSocketRoute.CloseOptions().setCode(4000).setReason("network lost"));
            }
            assertThat(connection).hasAttribute("data-state", "lost");
            assertThat(connection).containsText("connection to the server was lost");
            assertThat(connection).hasAttribute("data-state", "open");
            assertThat(connection).containsText("Reconnected");
        }

        assertThat(page.locator("#run-meta")).hasAttribute("data-status", "ENDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        int total = json(user.get("/api/runs/" + id)).path("run").path("eventCount").asInt();
        assertThat(page.locator("#diagram")).hasAttribute("data-events", String.valueOf(total));
        assertThat(page.locator("#log-count")).hasText(total + " events");
        assertThat(sockets).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aRunThatDoesNotExistIsExplainedInWords(Page page) {
        signIn(page);
        page.navigate(server.baseUrl() + "/run.html?id=00000000-0000-0000-0000-000000000000");

        assertThat(page.locator("#run-error")).containsText("There is no run 00000000-0000-0000-0000-000000000000");
        assertThat(page.locator("#run-error").getByRole(AriaRole.LINK)).hasText("Go to the catalog");
    }

    @Test
    void aSecondStudentCannotOpenTheFirstStudentsRunByItsUrl(Page page) {
        ApiClient first = accounts.login(newUser());
        String id = createRun(first);

        signIn(page);
        page.navigate(server.baseUrl() + "/run.html?id=" + id);

        assertThat(page.locator("#run-error")).containsText("There is no run " + id);
        assertThat(page.locator("#run-view")).isHidden();
        assertThat(page.request().get(server.baseUrl() + "/api/runs/" + id + "/trace").status()).isEqualTo(404);
    }

    @Test
    void anInstructorSeesAStudentsCourseRunReadOnly(Page page) {
        int number = USERS.incrementAndGet();
        accounts.createUser("teacher" + number + "@runview.test", "Teacher", true);
        ApiClient teacher = accounts.login("teacher" + number + "@runview.test");
        long courseId = Accounts.createCourse(teacher, "RV-" + number, "Runs").path("id").asLong();
        long studentId = accounts.createUser("pupil" + number + "@runview.test", "Pupil", false);
        accounts.enroll(courseId, studentId, "STUDENT");
        UUID runId = UUID.randomUUID();
        new RunStore(server.app().database().sql()).insert(runId, Optional.of(studentId), Optional.of(courseId), "flooding",
                RunCodec.recipeJson(Recipe.of("flooding", Map.of("n", 5, "f", 2), 7)), Optional.empty(), Optional.empty(),
                Optional.empty());

        useSession(page, teacher);
        openRun(page, runId.toString());

        assertThat(page.locator("#read-only")).isVisible();
        assertThat(button(page, "Play (Space)")).isDisabled();
        page.locator(".node-button[data-node='0']").click();
        assertThat(page.locator("#fault-mode")).containsText("a run you cannot drive");
        assertThat(button(page, "Crash P1 (branch)")).isVisible();
    }

    // ------------------------------------------------------------------ helpers

    private static String inspectorAt(Page page, int event) {
        Locator inspector = page.locator("#inspector");
        assertThat(inspector).hasAttribute("data-at", String.valueOf(event));
        assertThat(inspector).not().hasAttribute("aria-busy", "true");
        return inspector.locator(".inspector-table > tbody").innerText() + "\n" + inspector.locator(".state-detail").innerText();
    }

    /** Clicks process {@code node} on the topology canvas, where circleLayout puts it. */
    private static void clickNodeOnCanvas(Page page, int node, int count) {
        Locator canvas = page.locator("#topology");
        var box = canvas.boundingBox();
        double radius = Math.max(10, Math.min(box.width, box.height) / 2 - 36);
        double angle = -Math.PI / 2 + 2 * Math.PI * node / count;
        canvas.click(new Locator.ClickOptions().setPosition(box.width / 2 + radius * Math.cos(angle),
                box.height / 2 + radius * Math.sin(angle)));
    }

    private static String newUser() {
        String email = "student" + USERS.incrementAndGet() + "@runview.test";
        accounts.createUser(email, "Student " + USERS.get(), false);
        return email;
    }

    /** A fresh user whose session the page's browser context carries. */
    private static ApiClient signIn(Page page) {
        ApiClient user = accounts.login(newUser());
        useSession(page, user);
        return user;
    }

    private static void useSession(Page page, ApiClient user) {
        String session = user.cookie("faultlab_session").orElseThrow().getValue();
        page.context().addCookies(List.of(new Cookie("faultlab_session", session).setUrl(server.baseUrl())));
    }

    private static void openRun(Page page, String id) {
        page.navigate(server.baseUrl() + "/run.html?id=" + id);
        assertThat(page.locator("#run-view")).isVisible();
    }

    private static String createRun(ApiClient user) {
        return createRun(user, FLOODING);
    }

    private static String createRun(ApiClient user, Map<String, Object> recipe) {
        HttpResponse<String> response = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("run").path("id").asText();
    }

    private static List<JsonNode> trace(ApiClient user, String id) {
        List<JsonNode> events = new ArrayList<>();
        json(user.get("/api/runs/" + id + "/trace?from=0&limit=5000")).path("events").forEach(events::add);
        return events;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }
}
