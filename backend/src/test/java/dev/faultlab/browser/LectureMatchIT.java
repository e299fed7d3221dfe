package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Labs;
import dev.faultlab.support.ReferenceAnswers;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.store.db.Tables.USERS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's rough edges as a student meets them in Chromium: processes named P1..Pn as in the lecture,
 * messages drawn while in flight, round and decision labels, fault times in words, the catalog's links and
 * names, the free run form's traitor parameters and plain errors, and a lab's run that is reopened, not
 * copied, and unlocks without a reload.
 */
@ExtendWith(BrowserExtension.class)
class LectureMatchIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger PEOPLE = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;

    @BeforeAll
    static void start() {
        Labs.copyFromRepository(dataDir, "two-phase-commit");
        Labs.copyFromRepository(dataDir, "dependability");
        server = TestServer.start(dataDir);
        accounts = new Accounts(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFloodingRunShowsItsSendsInFlightNamesProcessesFromP1AndEndsInItsLastRound(Page page) {
        logIn(page, newUser(false));
        String runId = startRun(Map.of("protocol", "flooding", "seed", 7,
                "params", Map.of("n", 5, "f", 2, "values", List.of(4, 1, 3, 9, 2)),
                "faults", List.of(Map.of("at", 0, "kind", "CRASH", "target", 0, "params", Map.of("reaches", List.of(1))))), page);
        page.navigate(server.baseUrl() + "/run.html?id=" + runId);
        Locator diagram = page.locator("#diagram");
        assertThat(page.locator("#fault-plan .fault-item")).containsText("crash P1");
        assertThat(page.locator("#fault-plan .fault-item")).containsText("at the start");
        assertThat(page.locator("#fault-mode")).hasText("Faults apply now, at the start of the run.");

        // At the start of round 1 its sends are out and none has arrived: each is drawn in flight.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next round (Shift+→)")).click();
        assertThat(diagram).hasAttribute("data-sends", "17");
        assertThat(diagram).hasAttribute("data-delivers", "0");
        assertThat(diagram).hasAttribute("data-in-flight", diagram.getAttribute("data-sends"));
        page.locator("#filter-kind").selectOption("SEND");
        assertThat(page.locator("#log-rows [data-kind='SEND']").first()).containsText("P1 sends Known to P2");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play")).click();
        assertThat(page.locator("#run-meta")).hasAttribute("data-status", "ENDED");
        assertThat(page.locator("#run-meta")).containsText("round 3 of 3");
        assertThat(page.locator("#run-meta")).not().containsText("round 4");
        assertThat(page.locator("#fault-mode")).hasText(Pattern.compile("^The run has ended; you are viewing its last event"));
        assertThat(page.locator("#fault-plan .fault-item")).containsText(Pattern.compile("happened at event #\\d+, time 0"));
        assertThat(diagram).hasAttribute("data-in-flight", "0");
        page.locator("#filter-kind").selectOption("ROUND");
        assertThat(page.locator("#log-rows [data-kind='ROUND']").last()).containsText("round 3 is over: every process decides");

        List<Map<String, Object>> labels = labels(diagram);
        assertThat(labels).extracting(l -> l.get("text")).contains("round 1", "round 2", "round 3", "decide")
                .filteredOn(text -> String.valueOf(text).startsWith("decides")).hasSize(4);
        double width = ((Number) diagram.evaluate("c => c.clientWidth")).doubleValue();
        for (int i = 0; i < labels.size(); i++) {
            Map<String, Object> a = labels.get(i);
            assertThat(number(a, "right")).as("%s fits in the diagram", a.get("text")).isLessThanOrEqualTo(width);
            assertThat(number(a, "left")).as("%s fits in the diagram", a.get("text")).isGreaterThanOrEqualTo(0);
            for (int j = i + 1; j < labels.size(); j++) {
                Map<String, Object> b = labels.get(j);
                boolean overlap = number(a, "left") < number(b, "right") && number(b, "left") < number(a, "right")
                        && number(a, "top") < number(b, "bottom") && number(b, "top") < number(a, "bottom");
                assertThat(overlap).as("%s and %s overlap", a.get("text"), b.get("text")).isFalse();
            }
        }
    }

    @Test
    void theCatalogLinksLabsNamesProtocolsWithArticlesAndTheLandingPageOnlyWhatExists(Page page) {
        String teacher = newUser(true);
        ApiClient instructor = accounts.login(teacher);
        long courseId = Accounts.createCourse(instructor, "LEC-" + PEOPLE.incrementAndGet(), "Lectures").get("id").asLong();
        addLab(instructor, courseId, "two-phase-commit");
        logIn(page, teacher);

        page.navigate(server.baseUrl() + "/catalog.html");
        Locator twoPhase = page.locator(".lab-card[data-lab='two-phase-commit']");
        assertThat(twoPhase.locator(".lab-about")).hasText("Protocol: Two-phase commit (2PC)");
        assertThat(page.locator(".lab-card[data-lab='dependability'] .lab-about"))
                .hasText("Topic: Dependability measures (MTTF, MTTR, MTBF, availability)");
        assertThat(page.locator(".protocol-card[data-protocol='twophase'] a.button")).hasText("Start a two-phase commit run");
        assertThat(page.locator(".protocol-card[data-protocol='echo'] a.button")).hasText("Start an echo run");
        assertThat(page.locator(".protocol-card[data-protocol='byzantine'] a.button"))
                .hasText("Start a Byzantine agreement by oral messages run");
        // A protocol links the labs about it; echo, only the dependability lab's workload, links none.
        assertThat(page.locator(".protocol-card[data-protocol='twophase'] .protocol-labs a"))
                .hasAttribute("href", "#lab-two-phase-commit");
        assertThat(page.locator(".protocol-card[data-protocol='twophase'] .protocol-labs")).hasText("Lab: Two-phase commit, recovery and blocking");
        assertThat(page.locator(".protocol-card[data-protocol='echo'] .protocol-labs")).isHidden();
        assertThat(page.locator("link[rel='icon']")).hasAttribute("href", "/favicon.svg");
        twoPhase.getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(server.baseUrl() + "/lab.html?course=" + courseId + "&lab=two-phase-commit");
        assertThat(page.locator("#lab-title")).hasText("Two-phase commit, recovery and blocking");
        assertThat(page.request().get(server.baseUrl() + "/favicon.svg").status()).isEqualTo(200);

        page.navigate(server.baseUrl() + "/");
        assertThat(page.locator("#topic-labs li")).hasText(new String[] {"Dependability numbers", "Two-phase commit, recovery and blocking"});
        // The landing page names exactly the protocols the server runs, nothing still to come.
        List<String> protocols = new ArrayList<>();
        TestServer.json(server.get("/api/protocols")).path("protocols").forEach(p -> protocols.add(p.path("title").asText()));
        assertThat(page.locator("#topic-protocols li")).hasText(protocols.toArray(String[]::new));
    }

    @Test
    void theFreeRunFormTakesEveryTraitorParameterAndListsInAnyFormAndExplainsLimitsInPlainNumbers(Page page) {
        logIn(page, newUser(false));
        page.navigate(server.baseUrl() + "/new-run.html?protocol=byzantine");
        page.locator("#param-n").fill("7");
        page.locator("#param-m").fill("2");
        page.locator("#param-values").fill("ATTACK, ATTACK, RETREAT, ATTACK, RETREAT, ATTACK, ATTACK");
        page.locator("#add-byzantine").click();
        page.locator("#add-byzantine").click();
        assertThat(page.locator("#byzantine-0-node option")).hasText(new String[] {"P1", "P2", "P3", "P4", "P5", "P6", "P7"});
        page.locator("#byzantine-0-node").selectOption("P1");
        page.locator("#byzantine-0-behaviour").selectOption("scripted");
        String[] lies = {"RETREAT", "ATTACK", "ATTACK", "RETREAT", "ATTACK", "RETREAT", "ATTACK"};
        for (int to = 0; to < lies.length; to++) {
            page.getByLabel("value it tells P" + (to + 1)).first().fill(lies[to]);
        }
        page.locator("#byzantine-1-node").selectOption("P2");
        page.locator("#byzantine-1-behaviour").selectOption("equivocate");
        page.locator("#byzantine-1-values").fill("[\"RETREAT\", \"ATTACK\"]");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the run")).click();
        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=.+"));

        JsonNode recipe = json(accounts.login(lastUser).get("/api/runs/" + page.url().replaceAll(".*id=", ""))).get("recipe");
        assertThat(recipe.at("/params/values").toString()).isEqualTo("[\"ATTACK\",\"ATTACK\",\"RETREAT\",\"ATTACK\",\"RETREAT\",\"ATTACK\",\"ATTACK\"]");
        assertThat(recipe.at("/faults/0/target").asInt()).isZero();
        assertThat(recipe.at("/faults/0/params/lies/3").toString()).isEqualTo("{\"to\":3,\"value\":\"RETREAT\"}");
        assertThat(recipe.at("/faults/1/target").asInt()).isEqualTo(1);
        assertThat(recipe.at("/faults/1/params/values").toString()).isEqualTo("[\"RETREAT\",\"ATTACK\"]");

        page.navigate(server.baseUrl() + "/new-run.html?protocol=byzantine");
        page.locator("#param-n").fill("64");
        page.locator("#param-m").fill("62");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the run")).click();
        Locator error = page.locator("#param-m-error");
        assertThat(error).hasText("With n=64 and m=62 the 63 rounds send more than a billion billion oral messages, but a run "
                + "holds at most 500,000 (each message is 2 of its 1,000,000 events): with n=64, m can be at most 1.");
        assertThat(error).not().containsText("params.");

        page.locator("#param-m").fill("1");
        page.locator("#param-values").fill("ATTACK RETREAT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the run")).click();
        assertThat(page.locator("#param-values-error")).hasText("Must give one value per process (n=64), got 2.");
    }

    @Test
    void theLabRunIsReopenedNotCopiedAndItsPanelUnlocksAsSoonAsTheAnswersAreRevealed(Page page) {
        String teacher = newUser(true);
        ApiClient instructor = accounts.login(teacher);
        long courseId = Accounts.createCourse(instructor, "DEP-" + PEOPLE.incrementAndGet(), "Dependability").get("id").asLong();
        addLab(instructor, courseId, "dependability");
        addLab(instructor, courseId, "two-phase-commit");
        String student = newUser(false);
        accounts.enroll(courseId, userId(student), "STUDENT");
        logIn(page, student);

        page.navigate(server.baseUrl() + "/lab.html?course=" + courseId + "&lab=two-phase-commit");
        // The grid's top-left corner stays put both ways and hides what scrolls under it.
        Object corner = page.locator("#exercise-recovery .answer-grid thead tr > :first-child").first().evaluate(
                "th => { const s = getComputedStyle(th); return [s.position, s.top, s.left, s.zIndex, s.backgroundColor].join(' '); }");
        assertThat(corner).isEqualTo("sticky 0px 0px 3 rgb(255, 255, 255)");
        page.locator("#open-run").click();
        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=.+"));
        String first = page.url();
        page.goBack();
        page.locator("#open-run").click();
        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=.+"));
        assertThat(page.url()).isEqualTo(first);

        ReferenceAnswers reference = new ReferenceAnswers(dataDir, "dependability");
        Map<String, JsonNode> answers = reference.answers(courseId, userId(student));
        ApiClient api = accounts.login(student);
        for (String exercise : List.of("mttf", "mttr", "mtbf")) {
            HttpResponse<String> response = api.post("/api/courses/" + courseId + "/labs/dependability/exercises/" + exercise
                    + "/submissions", Map.of("submissionId", UUID.randomUUID().toString(), "answer", answers.get(exercise)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        page.navigate(server.baseUrl() + "/lab.html?course=" + courseId + "&lab=dependability");
        assertThat(page.locator("#run-reason")).hasText("The run of your variant opens once the answers are revealed.");
        page.locator("#exercise-availability input.number-value").fill(answers.get("availability").get("value").asText());
        page.locator("#exercise-availability").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit answer")).click();

        assertThat(page.locator("#open-run")).isVisible();
        assertThat(page.locator("#run-reason")).hasCount(0);
    }

    // ------------------------------------------------------------------ helpers

    static String lastUser;

    private static String newUser(boolean instructor) {
        String email = (instructor ? "teacher" : "student") + PEOPLE.incrementAndGet() + "@lecture.test";
        accounts.createUser(email, "Person " + PEOPLE.get(), instructor);
        lastUser = email;
        return email;
    }

    private static long userId(String email) {
        return server.app().database().sql().select(USERS.ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchOne().value1();
    }

    private static void addLab(ApiClient instructor, long courseId, String lab) {
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        HttpResponse<String> added = instructor.put("/api/courses/" + courseId + "/labs/" + lab, dates);
        assertThat(added.statusCode()).as("adding the lab: %s", added.body()).isLessThan(300);
    }

    private static String startRun(Map<String, Object> recipe, Page page) {
        HttpResponse<String> created = accounts.login(lastUser).post("/api/runs", Map.of("recipe", recipe));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).at("/run/id").asText();
    }

    private static void logIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> labels(Locator diagram) {
        try {
            return JSON.readValue(diagram.getAttribute("data-labels"), List.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double number(Map<String, Object> label, String key) {
        return ((Number) label.get(key)).doubleValue();
    }
}
