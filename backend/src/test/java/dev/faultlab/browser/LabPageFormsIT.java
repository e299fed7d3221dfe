package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab page's answer forms against a lab sheet served by the test (the API answers are routed in the
 * browser), so each behaviour is checked exactly: a 30 × 7 grid walked with the keyboard, a retry after a
 * network error that reuses its submission id, feedback on the wrong cell, the server's problems with an
 * answer, and drafts saved while typing and restored on the next visit.
 */
@ExtendWith(BrowserExtension.class)
class LabPageFormsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LAB = "/api/courses/1/labs/big";
    static final int ROWS = 30;
    static final int COLUMNS = 7;

    @TempDir
    static Path dataDir;
    static TestServer server;

    final List<JsonNode> submissions = new CopyOnWriteArrayList<>();
    final List<JsonNode> drafts = new CopyOnWriteArrayList<>();
    final AtomicInteger failNextSubmissions = new AtomicInteger();
    final Set<String> attemptIds = Collections.synchronizedSet(new LinkedHashSet<>());
    double best;
    ObjectNode sheet;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void routeTheApi(Page page) {
        sheet = sheet();
        page.route("**/api/session", route -> fulfil(route, 200,
                "{\"user\": {\"id\": 5, \"displayName\": \"Sam Student\", \"email\": \"sam@x.test\", \"isInstructor\": false,"
                        + " \"isAdmin\": false}, \"csrfToken\": \"token\"}"));
        page.route("**/api/courses/1", route -> fulfil(route, 200,
                "{\"id\": 1, \"code\": \"DS-1\", \"title\": \"Distributed systems\", \"role\": \"STUDENT\", \"canManage\": false,"
                        + " \"joinCode\": null, \"labs\": []}"));
        page.route("**" + LAB, route -> fulfil(route, 200, sheet.toString()));
        page.route("**" + LAB + "/exercises/*/draft", route -> {
            drafts.add(read(route.request().postData()));
            route.fulfill(new Route.FulfillOptions().setStatus(204));
        });
        page.route("**" + LAB + "/exercises/table/submissions", route -> {
            JsonNode body = read(route.request().postData());
            submissions.add(body);
            if (failNextSubmissions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                route.abort("connectionreset");
                return;
            }
            fulfil(route, 200, graded(body).toString());
        });
        page.route("**" + LAB + "/exercises/number/submissions", route -> fulfil(route, 422,
                "{\"error\": {\"code\": \"invalid_answer\", \"message\": \"This answer cannot be graded.\","
                        + " \"details\": {\"problems\": [\"value: must be a whole number of rounds\"]}}}"));
    }

    @Test
    void aThirtyBySevenGridIsWalkedWithArrowKeysSkippingBlankCells(Page page) {
        open(page);
        assertThat(page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("The table")))
                .hasAttribute("id", "exercise-table");
        assertThat(page.locator("#exercise-table .exercise-result")).hasAttribute("aria-live", "polite");
        Locator first = cell(page, 0, 1);
        assertThat(page.locator("#exercise-table .answer-grid tbody tr")).hasCount(ROWS);
        assertThat(page.locator("#exercise-table td.blank")).hasCount(ROWS);
        assertThat(page.locator("#exercise-table .grid-count")).hasText("0 of " + ROWS * (COLUMNS - 1) + " cells filled.");

        first.selectOption("ATTACK");
        first.focus();
        page.keyboard().press("ArrowDown");
        assertThat(cell(page, 1, 1)).isFocused();
        assertThat(first).hasValue("ATTACK");
        assertThat(cell(page, 1, 1)).hasValue("");
        page.keyboard().press("ArrowLeft");
        assertThat(cell(page, 1, 1)).isFocused();
        page.keyboard().press("ArrowRight");
        assertThat(cell(page, 1, 2)).isFocused();
        page.keyboard().press("Tab");
        assertThat(cell(page, 1, 3)).isFocused();

        cell(page, ROWS - 1, 6).focus();
        page.keyboard().press("ArrowDown");
        assertThat(cell(page, ROWS - 1, 6)).isFocused();
        page.keyboard().press("R");
        assertThat(cell(page, ROWS - 1, 6)).hasValue("RETREAT");
        assertThat(page.locator("#exercise-table .grid-count")).hasText("2 of " + ROWS * (COLUMNS - 1) + " cells filled.");
        assertThat(cell(page, ROWS - 1, 6)).isInViewport();
    }

    @Test
    void aRetryAfterANetworkErrorReusesTheSubmissionIdAndTheWrongCellCarriesItsFeedback(Page page) {
        open(page);
        submit(page, "table");
        assertThat(page.locator("#exercise-table .answer-problems")).containsText("still empty");
        assertThat(submissions).isEmpty();

        fillTable(page);
        failNextSubmissions.set(1);
        submit(page, "table");
        assertThat(page.locator("#exercise-table .answer-problems")).containsText("cannot be reached");
        submit(page, "table");

        assertThat(page.locator("#exercise-table .exercise-score")).hasText("Score: 8.95 of 9 points");
        assertThat(page.locator("#exercise-table .attempts-left")).hasText("2 attempts left.");
        assertThat(submissions).hasSize(2);
        assertThat(submissions.get(1).get("submissionId").asText()).isEqualTo(submissions.get(0).get("submissionId").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

        Locator wrong = cell(page, 2, 3);
        assertThat(wrong).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#exercise-table td.wrong")).hasCount(1);
        wrong.hover();
        assertThat(page.locator("#exercise-table td.wrong .cell-tip")).isVisible();
        assertThat(page.locator("#exercise-table td.wrong .cell-tip")).hasText("The general r2 hears from P3 is loyal.");
        assertThat(page.locator("#exercise-table .exercise-feedback")).hasText(
                "Attempt 1: 99% right. Almost.row 2, P3: The general r2 hears from P3 is loyal.");
        Locator listed = page.locator("#exercise-table .cell-feedback-list li");
        assertThat(listed).hasCount(1);
        assertThat(listed).hasText("row 2, P3: The general r2 hears from P3 is loyal.");
        listed.getByRole(AriaRole.BUTTON).click();
        assertThat(wrong).isFocused();

        wrong.selectOption("ATTACK");
        assertThat(wrong).not().hasAttribute("aria-invalid", "true");

        submit(page, "table");
        assertThat(page.locator("#exercise-table .attempts-left")).hasText("1 attempt left.");
        assertThat(submissions).hasSize(3);
        assertThat(submissions.get(2).get("submissionId").asText()).isNotEqualTo(submissions.get(0).get("submissionId").asText());
    }

    @Test
    void theServersProblemsWithAnAnswerAreShownNextToTheExercise(Page page) {
        open(page);
        page.getByLabel("Your answer (in rounds)").fill("2.5");
        submit(page, "number");

        Locator problems = page.locator("#exercise-number .answer-problems");
        assertThat(problems).containsText("This answer cannot be graded.");
        assertThat(problems).containsText("value: must be a whole number of rounds");
    }

    @Test
    void aDraftIsSavedWhileTypingAndRestoredOnTheNextVisit(Page page) {
        open(page);
        page.waitForRequest(request -> request.url().endsWith("/exercises/table/draft"),
                () -> cell(page, 0, 1).selectOption("RETREAT"));
        assertThat(page.locator("#exercise-table .draft-status")).hasText("Draft saved.");
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).at("/answer/cells/r0~1P1").asText()).isEqualTo("RETREAT");

        ((ObjectNode) sheet.at("/exercises/0/progress")).set("draft", drafts.get(0).get("answer"));
        open(page);
        assertThat(cell(page, 0, 1)).hasValue("RETREAT");
        assertThat(page.locator("#exercise-table .grid-count")).hasText("1 of " + ROWS * (COLUMNS - 1) + " cells filled.");
    }

    @Test
    void aRevealedAnswerIsShownWithTheExercise(Page page) {
        ObjectNode progress = (ObjectNode) sheet.at("/exercises/1/progress");
        progress.put("attemptsUsed", 1).put("attemptsLeft", 0).put("points", 0.0);
        progress.putObject("revealed").put("value", 3);
        open(page);

        assertThat(page.locator("#exercise-number .exercise-revealed")).containsText("The expected answer");
        assertThat(page.locator("#exercise-number .exercise-revealed")).containsText("3 rounds");
        assertThat(page.locator("#exercise-number .attempts-left")).hasText("No attempts left.");
        assertThat(page.getByLabel("Your answer (in rounds)")).isDisabled();
    }

    private void open(Page page) {
        page.navigate(server.baseUrl() + "/lab.html?course=1&lab=big");
        assertThat(page.locator("#lab-title")).hasText("A big table");
    }

    private static void submit(Page page, String exercise) {
        page.locator("#exercise-" + exercise).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit answer")).click();
    }

    private static Locator cell(Page page, int row, int column) {
        return page.getByLabel("row " + row + ", P" + column, new Page.GetByLabelOptions().setExact(true));
    }

    /** Every cell ATTACK but row 2 / P3, which gets RETREAT (and the grader says it is wrong). */
    private static void fillTable(Page page) {
        page.evaluate("() => document.querySelectorAll('#exercise-table select').forEach((s) => {"
                + " s.value = s.dataset.cell === 'r2/P3' ? 'RETREAT' : 'ATTACK'; s.dispatchEvent(new Event('input', { bubbles: true })); })");
    }

    /** Grades like the server: a retried id is the same attempt, the best score counts. */
    private ObjectNode graded(JsonNode submission) {
        attemptIds.add(submission.get("submissionId").asText());
        int attempt = List.copyOf(attemptIds).indexOf(submission.get("submissionId").asText());
        JsonNode cells = submission.at("/answer/cells");
        ArrayNode grades = JSON.createArrayNode();
        int right = 0;
        for (var names = cells.fieldNames(); names.hasNext(); ) {
            String id = names.next();
            boolean correct = cells.get(id).asText().equals("ATTACK");
            right += correct ? 1 : 0;
            grades.addObject().put("cell", id).put("correct", correct)
                    .put("feedback", correct ? "" : "The general r2 hears from P3 is loyal.");
        }
        double score = (double) right / cells.size();
        ObjectNode grade = JSON.createObjectNode().put("score", score)
                .put("feedback", right == cells.size() ? "All right." : "Almost.");
        grade.set("cells", grades);
        ObjectNode result = JSON.createObjectNode();
        ObjectNode sub = result.putObject("submission").put("id", attempt).put("attempt", attempt)
                .put("submittedAt", "2026-11-27T10:00:00Z").put("points", 9 * score);
        sub.set("grade", grade);
        best = Math.max(best, 9 * score);
        ObjectNode progress = result.putObject("progress").put("attemptsUsed", attemptIds.size())
                .put("attemptsLeft", 3 - attemptIds.size()).put("points", best);
        progress.putNull("draft");
        progress.putNull("revealed");
        ObjectNode last = progress.putObject("last").put("attempt", attempt).put("points", 9 * score);
        last.set("answer", submission.get("answer"));
        last.set("grade", grade);
        return result;
    }

    private static ObjectNode sheet() {
        ObjectNode sheet = read("""
                {"course": {"id": 1, "code": "DS-1", "title": "Distributed systems"},
                 "lab": {"id": "big", "version": "1", "title": "A big table", "summary": "Many cells.", "protocol": "byzantine",
                         "instructionsHtml": "<p>Fill the table.</p>", "panels": ["instructions", "run"],
                         "opensAt": null, "dueAt": null, "points": 12},
                 "run": {"allowed": false, "reason": "The run of your variant opens once the answers are revealed."},
                 "given": [], "exercises": []}""");
        ObjectNode table = JSON.createObjectNode().put("id", "table").put("type", "grid").put("title", "The table")
                .put("promptHtml", "<p>Every general's view.</p>").put("points", 9);
        table.set("policy", policy());
        ObjectNode input = table.putObject("input").put("kind", "grid").putNull("dontCare");
        ArrayNode rows = input.putArray("rows");
        ArrayNode columns = input.putArray("columns");
        ArrayNode cells = input.putArray("cells");
        input.putArray("vocabulary").add("ATTACK").add("RETREAT");
        for (int c = 0; c < COLUMNS; c++) {
            columns.addObject().put("id", "P" + c).put("label", "P" + c);
        }
        for (int r = 0; r < ROWS; r++) {
            rows.addObject().put("id", "r" + r).put("label", "row " + r);
            for (int c = 1; c < COLUMNS; c++) {
                cells.add("r" + r + "/P" + c);
            }
        }
        table.putArray("given");
        table.set("progress", read("""
                {"attemptsUsed": 0, "attemptsLeft": 3, "points": 0, "draft": null, "last": null, "revealed": null}"""));
        ObjectNode number = read("""
                {"id": "number", "type": "number", "title": "How many rounds", "promptHtml": "<p>Count them.</p>", "points": 3,
                 "input": {"kind": "number", "unit": "rounds"}, "given": [],
                 "progress": {"attemptsUsed": 0, "attemptsLeft": 3, "points": 0, "draft": null, "last": null, "revealed": null}}""");
        number.set("policy", policy());
        ((ArrayNode) sheet.get("exercises")).add(table).add(number);
        return sheet;
    }

    private static JsonNode policy() {
        return read("""
                {"maxAttempts": 3, "penaltyPerAttempt": 0, "scoring": "BEST", "reveal": "AFTER_LAST_ATTEMPT",
                 "run": "AFTER_REVEAL", "newVariantPerAttempt": false}""");
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fulfil(Route route, int status, String body) {
        route.fulfill(new Route.FulfillOptions().setStatus(status).setContentType("application/json").setBody(body));
    }
}
