package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.ReferenceAnswers;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.store.db.Tables.USERS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raft in Chromium: a student works through the Raft lab from labs/ (the grids with the server's own reference
 * answers for their variant, the two-leaders challenge with a partition entered in the fault-plan form) and gets
 * full marks; and a Raft run where the student partitions the leader away live and a client request
 * arrives, ending with two leaders of different terms and the request committed by the new one.
 */
@ExtendWith(BrowserExtension.class)
class RaftLabIT {
    static final String LAB = "raft";
    static final AtomicInteger PEOPLE = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;
    static ReferenceAnswers reference;

    @BeforeAll
    static void start() {
        ReferenceAnswers.installLab(dataDir, LAB);
        server = TestServer.start(dataDir);
        accounts = new Accounts(server);
        reference = new ReferenceAnswers(dataDir, LAB);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStudentAnswersTheRaftLabAndMeetsTheTwoLeadersChallengeWithAPartition(Page page) {
        int n = PEOPLE.incrementAndGet();
        String teacher = "teacher" + n + "@raft.test";
        accounts.createUser(teacher, "Teacher " + n, true);
        ApiClient instructor = accounts.login(teacher);
        String code = "RAFT-" + n;
        long course = Accounts.createCourse(instructor, code, "Raft " + n).get("id").asLong();
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        HttpResponse<String> added = instructor.put("/api/courses/" + course + "/labs/" + LAB, dates);
        assertThat(added.statusCode()).as(added.body()).isLessThan(300);
        String student = "student" + PEOPLE.incrementAndGet() + "@raft.test";
        accounts.enroll(course, accounts.createUser(student, "Rae Student", false), "STUDENT");
        Map<String, JsonNode> expected = reference.answers(course, userId(student));

        logIn(page, student);
        page.locator(".course-card[data-course-code='" + code + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference.title())).click();
        assertThat(page).hasURL(Pattern.compile(".*/lab\\.html\\?course=" + course + "&lab=" + LAB));
        assertThat(page.locator("#given-tables table").first()).containsText("current term");

        for (String grid : List.of("electable", "before-request", "after-request")) {
            fillGrid(page, grid, expected.get(grid).get("cells"));
            submit(page, grid);
            assertFullMarks(page, grid);
        }

        JsonNode partition = expected.get("two-leaders").get("faults").get(0);
        Locator exercise = page.locator("#exercise-two-leaders");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("PARTITION");
        fault.getByLabel("At time").fill(partition.get("at").asText());
        fault.getByLabel("groups, e.g. P1 P2 | P3 P4 P5").fill("P" + (partition.at("/params/groups/0/0").asInt() + 1));
        submit(page, "two-leaders");
        assertFullMarks(page, "two-leaders");
        assertThat(exercise.locator(".grade-line")).containsText("Nothing committed was lost");
    }

    @Test
    void aLeaderPartitionedAwayLiveStaysLeaderBesideTheNewOneWhichCommitsTheClientsRequest(Page page) {
        String email = "student" + PEOPLE.incrementAndGet() + "@raft.test";
        accounts.createUser(email, "Run Student", false);
        ApiClient user = accounts.login(email);
        page.context().addCookies(List.of(new Cookie("faultlab_session", user.cookie("faultlab_session").orElseThrow().getValue())
                .setUrl(server.baseUrl())));
        Map<String, Object> recipe = Map.of("protocol", "raft", "seed", 1,
                "params", Map.of("n", 3, "clients", 1, "requests", 0, "runFor", 600),
                "faults", List.of(Map.of("at", 300, "kind", "REQUEST", "target", 3, "params", Map.of("command", "x=5"))));
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        page.navigate(server.baseUrl() + "/run.html?id=" + json(created).path("run").path("id").asText());
        assertThat(page.locator("#run-view")).isVisible();

        // Step event by event, letting the inspector settle each time, until a leader shows.
        Locator inspector = page.locator("#inspector");
        Locator leaderRow = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("LEADER")));
        Locator position = page.locator("#position");
        assertThat(page.locator("#connection")).hasAttribute("data-state", "open");
        for (int step = 1; step <= 80 && leaderRow.count() == 0; step++) {
            String before = position.textContent();
            page.locator("#step-event").click();
            assertThat(position).not().hasText(before);
            String cursor = position.textContent().replaceAll("^Event #(\\d+).*$", "$1");
            assertThat(inspector).hasAttribute("data-at", cursor);
        }
        assertThat(leaderRow).hasCount(1);
        String leader = leaderRow.getAttribute("data-node");

        page.locator(".node-button[data-node='" + leader + "']").click();
        button(page, "Select " + name(leader) + " for a partition").click();
        button(page, "Partition " + name(leader) + " from the rest").click();
        assertThat(page.locator("#topology")).hasAttribute("data-partitioned", "true");
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        Locator leaders = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("LEADER")));
        assertThat(leaders).hasCount(2);
        Locator stale = page.locator("#inspector tr[data-node='" + leader + "']");
        assertThat(stale).containsText("LEADER");
        Locator log = page.locator(".state-detail section[data-title='Log']");
        button(page, "Show " + name(leader) + "'s state").click();
        assertThat(page.locator(".state-detail")).hasAttribute("data-node", leader);
        assertThat(log).not().containsText("x=5");
        String fresh = leaders.filter(new Locator.FilterOptions().setHasNot(page.locator("th", new Page.LocatorOptions()
                .setHasText(name(leader))))).getAttribute("data-node");
        button(page, "Show " + name(fresh) + "'s state").click();
        assertThat(page.locator(".state-detail")).hasAttribute("data-node", fresh);
        assertThat(log.locator("tbody tr", new Locator.LocatorOptions().setHasText("x=5")).locator("td").last()).hasText("yes");
        assertThat(page.locator("#fault-plan")).containsText("partition");
    }

    @Test
    void aServersLogReadsAsATableAndTheRunViewFitsA1280PixelWindow(Page page) {
        page.setViewportSize(1280, 800);
        String email = "student" + PEOPLE.incrementAndGet() + "@raft.test";
        accounts.createUser(email, "Display Student", false);
        ApiClient user = accounts.login(email);
        page.context().addCookies(List.of(new Cookie("faultlab_session", user.cookie("faultlab_session").orElseThrow().getValue())
                .setUrl(server.baseUrl())));
        Map<String, Object> recipe = Map.of("protocol", "raft", "seed", 3,
                "params", Map.of("n", 3, "clients", 1, "requests", 2, "runFor", 800));
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        page.navigate(server.baseUrl() + "/run.html?id=" + json(created).path("run").path("id").asText());
        assertThat(page.locator("#connection")).hasAttribute("data-state", "open");
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        Locator leaderRow = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("LEADER")));
        assertThat(leaderRow).hasCount(1);
        String leader = leaderRow.getAttribute("data-node");
        button(page, "Show " + name(leader) + "'s state").click();
        Locator detail = page.locator(".state-detail");
        assertThat(detail).hasAttribute("data-node", leader);
        Locator log = detail.locator("section[data-title='Log'] table");
        assertThat(log.locator("thead th")).hasText(new String[] {"index", "term", "operation", "committed"});
        assertThat(log.locator("tbody tr").first().locator("td").first()).hasText("1");
        assertThat(log.locator("tbody tr").last().locator("td").last()).hasText("yes");
        assertThat(detail.locator("section[data-title=\"Followers (leader's view)\"] thead th"))
                .hasText(new String[] {"server", "nextIndex", "matchIndex"});
        assertThat(detail.locator("section[data-title='Server'] dl")).containsText("commitIndex");
        assertThat(page.locator("#inspector")).not().containsText("{");

        String follower = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("FOLLOWER")))
                .first().getAttribute("data-node");
        button(page, "Show " + name(follower) + "'s state").click();
        assertThat(detail).hasAttribute("data-node", follower);
        assertThat(log.locator("tbody tr").last().locator("td").last()).hasText("yes");
        assertThat(detail.locator("section[data-title=\"Followers (leader's view)\"]")).hasCount(0);

        assertThat((Boolean) page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"))
                .as("no horizontal scrollbar at 1280x800").isTrue();
    }

    private long userId(String email) {
        return server.app().database().sql().select(USERS.ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchOne().value1();
    }

    private static void fillGrid(Page page, String exercise, JsonNode cells) {
        Locator grid = page.locator("#exercise-" + exercise);
        assertThat(grid.locator(".answer-grid [data-cell]")).hasCount(cells.size());
        cells.fields().forEachRemaining(cell -> {
            Locator control = grid.locator(".answer-grid [data-cell='" + cell.getKey() + "']");
            if ("SELECT".equals(control.evaluate("c => c.tagName"))) {
                control.selectOption(cell.getValue().asText());
            } else {
                control.fill(cell.getValue().asText());
            }
        });
    }

    private static void submit(Page page, String exercise) {
        page.locator("#exercise-" + exercise)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit answer")).click();
    }

    private static void assertFullMarks(Page page, String exercise) {
        String max = ByzantineLabIT.points(reference.exercisePoints(exercise));
        assertThat(page.locator("#exercise-" + exercise + " .exercise-score")).hasText("Score: " + max + " of " + max + " points");
    }

    private static void logIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
    }

    /** How the page names the process whose data-node is {@code node}: P1 is node 0. */
    private static String name(String node) {
        return "P" + (Integer.parseInt(node) + 1);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
