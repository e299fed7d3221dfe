package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lecture's Exercise 7 (seed 000) played in Chromium as a student preparing for the exam plays it: the
 * Byzantine lab's default variant (P1 and P2 are the traitors, the questions are about P3), a wrong cell
 * explained by the rule its row follows without giving the cell away, a practice variant solved with its
 * checks and worked solution, the worked solution of the graded exercise on reveal with links into the run
 * view, and the instructor reading the attempts. A flooding set cell that is not a set is refused as it is typed.
 */
@ExtendWith(BrowserExtension.class)
class LectureExerciseSevenIT {
    static final String LAB = "byzantine-generals";
    static final String FLOODING = "flooding-consensus";
    static final List<String> ROUNDS = List.of("round1", "round2", "round3", "vector", "others");

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;
    static ReferenceAnswers reference;

    @BeforeAll
    static void start() throws IOException {
        ReferenceAnswers.installLab(dataDir, LAB);
        Labs.copyFromRepository(dataDir, FLOODING);
        // Every student gets the lab's default variant: the lecture's exercise as the slides state it.
        Path yaml = dataDir.resolve("labs").resolve(LAB).resolve("lab.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceFirst("(?m)^protocol: byzantine$", "protocol: byzantine\nvariants: fixed"));
        server = TestServer.start(dataDir);
        accounts = new Accounts(server);
        reference = new ReferenceAnswers(dataDir, LAB);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void exerciseSevenAsTheLectureStatesItWithFeedbackPracticeAndWorkedSolutions(Page page) {
        accounts.createUser("lecturer@x.test", "Lee Lecturer", true);
        ApiClient lecturer = accounts.login("lecturer@x.test");
        long course = course(lecturer, "EX7", LAB);
        long id = accounts.createUser("exam@x.test", "Eve Exam", false);
        accounts.enroll(course, id, "STUDENT");
        Map<String, JsonNode> expected = reference.answers(course, id);
        String lab = server.baseUrl() + "/lab.html?course=" + course + "&lab=" + LAB;

        logIn(page, "exam@x.test");
        page.navigate(lab);
        Locator traitors = page.locator("#given-tables table").nth(1).locator("tbody th");
        assertThat(traitors).hasText(new String[] {"P1", "P2"});
        assertThat(page.locator("#exercise-round1 h3")).containsText("P3");

        // One wrong cell in round 1: the row and the rule are named, the cell is not.
        JsonNode round1 = expected.get("round1").get("cells");
        String wrongCell = round1.fieldNames().next();
        fill(page, "round1", round1);
        page.locator("#exercise-round1 [data-cell='" + wrongCell + "']").selectOption(
                reference.otherValue("round1", round1.get(wrongCell).asText()));
        submit(page, "round1");
        Locator row = page.locator("#exercise-round1 .row-feedback-list li");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Row 'heard directly': 1 of 6 cells wrong.");
        assertThat(row).containsText("a traitor tells P3 its lie for P3");
        assertThat(page.locator("#exercise-round1 td.wrong")).hasCount(0);
        assertThat(page.locator("#exercise-round1 tr.row-wrong")).hasCount(1);
        assertThat(page.locator("#exercise-round1 .exercise-revealed")).isEmpty();

        // A practice variant before anything is revealed: checked freely, solved, its worked solution opened.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a practice variant")).click();
        assertThat(page).hasURL(Pattern.compile(".*practice=1"));
        assertThat(page.locator("#lab-title")).containsText("practice variant 1");
        Map<String, JsonNode> practice = reference.practiceAnswers(course, id, 1);
        JsonNode practiceRound1 = practice.get("round1").get("cells");
        fill(page, "round1", practiceRound1);
        page.locator("#exercise-round1 [data-cell='" + wrongCell + "']").selectOption(
                reference.otherValue("round1", practiceRound1.get(wrongCell).asText()));
        check(page, "round1");
        assertThat(page.locator("#exercise-round1 td.wrong")).hasCount(1);
        assertThat(page.locator("#exercise-round1 .cell-feedback-list li")).hasCount(1);
        fill(page, "round1", practiceRound1);
        check(page, "round1");
        assertThat(page.locator("#exercise-round1 .grade-line")).containsText("Checked: 100% right.");
        page.locator("#exercise-vector").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Show the worked solution")).click();
        assertThat(page.locator("#exercise-vector .worked-solution .solution-step")).hasCount(7);
        assertThat(page.locator("#exercise-vector .worked-solution")).containsText("votes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to your graded lab")).click();
        assertThat(page.locator("#exercise-round1")).hasAttribute("data-attempts-left", "2");

        // The graded lab, right this time: each revealed exercise shows how its answer follows from the run.
        for (String exercise : ROUNDS) {
            fill(page, exercise, expected.get(exercise).get("cells"));
            submit(page, exercise);
            double max = reference.exercisePoints(exercise);
            // Round 1 is the second attempt: the lab takes 10 % of the points for the first.
            double earned = exercise.equals("round1") ? max * 0.9 : max;
            assertThat(page.locator("#exercise-" + exercise + " .exercise-score")).hasText("Score: "
                    + ByzantineLabIT.points(earned) + " of " + ByzantineLabIT.points(max) + " points");
        }
        Locator vectorSolution = page.locator("#exercise-vector .worked-solution");
        assertThat(vectorSolution.locator(".solution-step")).hasCount(7);
        assertThat(vectorSolution.locator(".solution-step").first()).containsText("heard directly");
        expected.get("agree").get("choices").forEach(choice ->
                page.locator("#exercise-agree input[value='" + choice.asText() + "']").check());
        submit(page, "agree");
        page.reload();
        Locator link = page.locator("#exercise-vector .worked-solution .event-link").first();
        String event = link.getAttribute("data-event");
        link.click();
        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=.+&at=" + event));

        // The lecturer reads the attempts: the wrong cell of the first one marked, and what the student saw.
        page.context().clearCookies();
        logIn(page, "lecturer@x.test");
        page.navigate(server.baseUrl() + "/gradebook.html?course=" + course + "&lab=" + LAB);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answers of Eve Exam")).click();
        Locator attempts = page.locator("#student-attempts section[data-exercise='round1'] li.attempt");
        assertThat(attempts).hasCount(2);
        assertThat(attempts.first().locator("td.wrong")).hasCount(1);
        assertThat(attempts.first().locator("td.wrong")).hasAttribute("data-cell", wrongCell);
        assertThat(attempts.first()).containsText("the student saw how many cells of each row are wrong");
    }

    @Test
    void aSetCellThatIsNotASetIsFlaggedAsItIsTypedAndNothingIsSubmitted(Page page) {
        accounts.createUser("flood@x.test", "Flo Teacher", true);
        long course = course(accounts.login("flood@x.test"), "FLOOD", FLOODING);
        long id = accounts.createUser("typist@x.test", "Ty Typist", false);
        accounts.enroll(course, id, "STUDENT");

        logIn(page, "typist@x.test");
        page.navigate(server.baseUrl() + "/lab.html?course=" + course + "&lab=" + FLOODING);
        Locator cells = page.locator("#exercise-known .answer-grid input[data-cell]");
        for (int i = 0; i < cells.count(); i++) {
            cells.nth(i).fill("{1, 4}");
        }
        cells.first().fill("{banana}");
        assertThat(cells.first()).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#exercise-known td.unreadable .cell-tip"))
                .hasText("'{banana}' is not a set of whole numbers such as {1, 4} or 'crashed'.");
        submit(page, "known");
        assertThat(page.locator("#exercise-known .answer-problems")).containsText("Nothing was submitted.");
        cells.first().fill("{1;4;8}");
        submit(page, "known");
        assertThat(page.locator("#exercise-known .answer-problems")).containsText("'{1;4;8}' is not a set");
        page.reload();
        assertThat(page.locator("#exercise-known .attempts-left")).hasText("3 attempts left.");
    }

    private static long course(ApiClient instructor, String code, String labId) {
        long course = Accounts.createCourse(instructor, code, "Course " + code).get("id").asLong();
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        assertThat(instructor.put("/api/courses/" + course + "/labs/" + labId, dates).statusCode()).isEqualTo(200);
        return course;
    }

    private static void fill(Page page, String exercise, JsonNode cells) {
        cells.properties().forEach(cell ->
                page.locator("#exercise-" + exercise + " .answer-grid [data-cell='" + cell.getKey() + "']").selectOption(cell.getValue().asText()));
    }

    private static void submit(Page page, String exercise) {
        page.locator("#exercise-" + exercise).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit answer")).click();
    }

    private static void check(Page page, String exercise) {
        page.locator("#exercise-" + exercise).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check answer")).click();
    }

    private static void logIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
    }
}
