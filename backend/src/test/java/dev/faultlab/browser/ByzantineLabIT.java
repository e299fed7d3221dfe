package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.lab.exercise.GridExercise;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.ReferenceAnswers;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
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
 * The Byzantine generals lab from labs/, done in Chromium the way a class does it: a student answers every
 * exercise right and gets full marks, another gets one cell wrong and sees partial credit with feedback on that
 * cell, and the instructor reads both in the gradebook and downloads its CSV. The right answers are the
 * server's own reference answers for each student's variant, read through the lab package.
 */
@ExtendWith(BrowserExtension.class)
class ByzantineLabIT {
    static final String LAB = "byzantine-generals";
    static final List<String> GRIDS = List.of("round1", "round2", "round3", "vector", "others");
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

    /** A course with the lab, its instructor (logged in over the API) and its id. */
    record Course(long id, String code, String instructorEmail, ApiClient instructor) {
    }

    @Test
    void aStudentWhoAnswersEverythingRightGetsFullMarks(Page page) {
        Course course = newCourse();
        String email = newStudent(course, "Ada Right");
        Map<String, JsonNode> expected = reference.answers(course.id(), userId(email));

        logIn(page, email);
        Locator card = page.locator(".course-card[data-course-code='" + course.code() + "']");
        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference.title())).click();
        assertThat(page).hasURL(Pattern.compile(".*/lab\\.html\\?course=" + course.id() + "&lab=" + LAB));
        assertThat(page.locator("#lab-title")).hasText(reference.title());
        assertThat(page.locator("#given-tables table").first()).isVisible();

        for (String exercise : GRIDS) {
            fillGrid(page, exercise, expected.get(exercise).get("cells"));
            submit(page, exercise);
            assertFullMarks(page, exercise);
        }
        expected.get("agree").get("choices").forEach(choice ->
                page.locator("#exercise-agree input[value='" + choice.asText() + "']").check());
        submit(page, "agree");
        assertFullMarks(page, "agree");
        assertThat(page.locator("#exercise-round2 td.wrong")).hasCount(0);

        page.navigate(server.baseUrl() + "/courses.html");
        String total = points(reference.points());
        assertThat(card.locator("[data-lab='" + LAB + "'] .lab-grade"))
                .hasText(" · your score: " + total + " of " + total + " points (6 of 6 exercises submitted)");
    }

    /** ATTACK/RETREAT grids tell how many cells of a row are wrong, and the rule of the row, never which cell. */
    @Test
    void oneWrongCellGivesPartialCreditWithFeedbackOnItsRow(Page page) {
        Course course = newCourse();
        String email = newStudent(course, "Bea Almost");
        JsonNode cells = reference.answers(course.id(), userId(email)).get("round2").get("cells");
        Map.Entry<String, JsonNode> wrong = firstGradedCell(cells);

        logIn(page, email);
        page.navigate(server.baseUrl() + "/lab.html?course=" + course.id() + "&lab=" + LAB);
        fillGrid(page, "round2", cells);
        Locator wrongCell = page.locator("#exercise-round2 .answer-grid [data-cell='" + wrong.getKey() + "']");
        wrongCell.selectOption(reference.otherValue("round2", wrong.getValue().asText()));
        submit(page, "round2");

        double max = reference.exercisePoints("round2");
        double partial = max * (cells.size() - 1) / cells.size();
        Locator exercise = page.locator("#exercise-round2");
        assertThat(exercise.locator(".exercise-score")).hasText("Score: " + points(partial) + " of " + points(max) + " points");
        assertThat(exercise.locator(".attempts-left")).containsText("left.");
        assertThat(exercise.locator("td.wrong")).hasCount(0);
        assertThat(wrongCell).not().hasAttribute("aria-invalid", "true");
        String row = wrong.getKey().substring(0, wrong.getKey().indexOf('/'));
        assertThat(exercise.locator("tr.row-wrong")).hasAttribute("data-row", row);
        Locator listed = exercise.locator(".row-feedback-list li");
        assertThat(listed).hasCount(1);
        assertThat(listed).hasAttribute("data-row", row);
        assertThat(listed).containsText("1 of ");
        assertThat(listed).containsText(" is ");
        assertThat(exercise.locator(".cell-feedback-list li")).hasCount(0);
    }

    @Test
    void theInstructorSeesTheGradesInTheGradebookAndDownloadsTheCsv(Page page) throws IOException {
        Course course = newCourse();
        String right = newStudent(course, "Cal Right");
        String almost = newStudent(course, "Dee Almost");
        submitOverApi(course, right, false);
        submitOverApi(course, almost, true);
        double roundPoints = reference.exercisePoints("round1");
        int roundCells = reference.answers(course.id(), userId(almost)).get("round1").get("cells").size();
        double almostPoints = roundPoints * (roundCells - 1) / roundCells;

        logIn(page, course.instructorEmail());
        Locator card = page.locator(".course-card[data-course-code='" + course.code() + "']");
        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Gradebook")).click();
        assertThat(page).hasURL(Pattern.compile(".*/gradebook\\.html\\?course=" + course.id()));
        Locator rightRow = page.locator("#overview tr[data-student='" + right + "']");
        Locator almostRow = page.locator("#overview tr[data-student='" + almost + "']");
        assertThat(rightRow.locator("td[data-lab='" + LAB + "']")).hasText(points(roundPoints) + " · 1 submission");
        assertThat(almostRow.locator("td[data-lab='" + LAB + "']")).hasText(points(almostPoints) + " · 1 submission");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Details of " + reference.title())).click();
        assertThat(page.locator("#lab-detail-heading")).hasText(reference.title());
        Locator stats = page.locator("#exercise-stats tr[data-exercise='round1']");
        assertThat(stats.locator(".mean")).hasText(points((roundPoints + almostPoints) / 2));
        assertThat(stats).containsText("2 of 2");
        assertThat(stats.locator(".most-missed li")).hasCount(1);
        String missedCell = firstGradedCell(reference.answers(course.id(), userId(almost)).get("round1").get("cells")).getKey();
        assertThat(stats.locator(".most-missed li")).hasText("Row 'heard directly', column '"
                + missedCell.substring(missedCell.indexOf('/') + 1) + "' — missed by 1");
        assertThat(stats.locator(".distribution li")).hasText(new String[] {"90–100%: 1", "80–90%: 1"});
        assertThat(page.locator("#lab-students tr[data-student='" + almost + "'] .lab-points")).hasText(points(almostPoints));

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download as CSV")).click());
        assertThat(download.suggestedFilename()).isEqualTo(course.code() + "-" + LAB + "-grades.csv");
        List<String> csv = Files.readAllLines(download.path());
        assertThat(csv.get(0)).isEqualTo("userId,email,displayName,round1,round2,round3,vector,others,agree,points,attempts");
        assertThat(csv.subList(1, csv.size())).containsExactlyInAnyOrder(
                userId(right) + "," + right + ",\"Cal Right\"," + roundPoints + ",,,,,," + roundPoints + ",1",
                userId(almost) + "," + almost + ",\"Dee Almost\"," + almostPoints + ",,,,,," + almostPoints + ",1");

        Locator apply = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply these changes"));
        assertThat(apply).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the changes")).click();
        assertThat(page.locator("#regrade-result")).hasText("Preview: 2 submissions, 2 graded again, 0 with a different score; "
                + "0 counted scores change (no score goes down). Nothing is saved until you apply.");
        apply.click();
        assertThat(page.locator("#regrade-result")).hasText(
                "Applied: 2 submissions, 2 graded again, 0 with a different score; 0 counted scores change (no score goes down).");
        assertThat(apply).isHidden();
        assertThat(almostRow.locator("td[data-lab='" + LAB + "']")).hasText(points(almostPoints) + " · 1 submission");
    }

    private Course newCourse() {
        int n = PEOPLE.incrementAndGet();
        String email = "teacher" + n + "@x.test";
        accounts.createUser(email, "Teacher " + n, true);
        ApiClient instructor = accounts.login(email);
        String code = "BYZ-" + n;
        long id = Accounts.createCourse(instructor, code, "Byzantine agreement " + n).get("id").asLong();
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        HttpResponse<String> added = instructor.put("/api/courses/" + id + "/labs/" + LAB, dates);
        assertThat(added.statusCode()).as("adding the lab: %s", added.body()).isLessThan(300);
        return new Course(id, code, email, instructor);
    }

    private String newStudent(Course course, String name) {
        String email = "student" + PEOPLE.incrementAndGet() + "@x.test";
        long id = accounts.createUser(email, name, false);
        accounts.enroll(course.id(), id, "STUDENT");
        return email;
    }

    private long userId(String email) {
        return server.app().database().sql().select(USERS.ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchOne().value1();
    }

    /** round1 over the API: right, or with its first cell wrong. */
    private void submitOverApi(Course course, String email, boolean oneWrong) {
        JsonNode answer = reference.answers(course.id(), userId(email)).get("round1").deepCopy();
        if (oneWrong) {
            Map.Entry<String, JsonNode> first = firstGradedCell(answer.get("cells"));
            ((ObjectNode) answer.get("cells"))
                    .put(first.getKey(), reference.otherValue("round1", first.getValue().asText()));
        }
        HttpResponse<String> response = accounts.login(email).post(
                "/api/courses/" + course.id() + "/labs/" + LAB + "/exercises/round1/submissions",
                Map.of("submissionId", UUID.randomUUID().toString(), "answer", answer));
        assertThat(response.statusCode()).as("submission: %s", response.body()).isEqualTo(200);
        assertThat(json(response).at("/submission/attempt").asInt()).isZero();
    }

    /** The first cell that is not a don't-care cell (those accept any value, so none is wrong there). */
    private static Map.Entry<String, JsonNode> firstGradedCell(JsonNode cells) {
        Iterator<Map.Entry<String, JsonNode>> all = cells.fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> cell = all.next();
            if (!cell.getValue().asText().equals(GridExercise.DONT_CARE)) {
                return cell;
            }
        }
        throw new IllegalStateException("every cell is a don't-care cell: " + cells);
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
        String max = points(reference.exercisePoints(exercise));
        assertThat(page.locator("#exercise-" + exercise + " .exercise-score")).hasText("Score: " + max + " of " + max + " points");
    }

    private static void logIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
    }

    /** Points as the pages write them: at most two decimals, no trailing zeros. */
    static String points(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
