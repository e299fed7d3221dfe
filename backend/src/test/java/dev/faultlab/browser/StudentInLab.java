package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.ReferenceAnswers;
import dev.faultlab.support.TestServer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
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
 * What the browser tests of a lab share: a course that uses the lab, a student enrolled in it and logged in
 * in Chromium on the lab's page, the server's reference answers for that student's variant, and the clicks a
 * student makes on an exercise (fill a grid, submit) or on a run (open it, name a process as the page does).
 */
public final class StudentInLab {
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final TestServer server;
    private final Accounts accounts;
    private final ReferenceAnswers reference;
    private final String lab;

    /** Call {@link ReferenceAnswers#installLab} before the server starts so the server serves the lab. */
    public StudentInLab(TestServer server, ReferenceAnswers reference, String lab) {
        this.server = server;
        this.accounts = new Accounts(server);
        this.reference = reference;
        this.lab = lab;
    }

    /**
     * A new course using the lab with no dates, a student enrolled in it, logged in on {@code page} and
     * looking at the lab's page; returns the expected answer of each exercise for that student.
     */
    public Map<String, JsonNode> openLab(Page page) {
        int n = PEOPLE.incrementAndGet();
        String teacher = "teacher" + n + "@" + lab + ".test";
        accounts.createUser(teacher, "Teacher " + n, true);
        ApiClient instructor = accounts.login(teacher);
        String code = (lab.toUpperCase().replaceAll("[^A-Z0-9]", "") + "-" + n);
        long course = Accounts.createCourse(instructor, code, lab + " " + n).get("id").asLong();
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        HttpResponse<String> added = instructor.put("/api/courses/" + course + "/labs/" + lab, dates);
        assertThat(added.statusCode()).as(added.body()).isLessThan(300);
        String student = "student" + n + "@" + lab + ".test";
        long studentId = accounts.createUser(student, "Student " + n, false);
        accounts.enroll(course, studentId, "STUDENT");

        logIn(page, student);
        page.locator(".course-card[data-course-code='" + code + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference.title())).click();
        // Lab ids are [a-z0-9-], so the id goes into the pattern as it is: Playwright runs it as a JavaScript regex.
        assertThat(page).hasURL(Pattern.compile(".*/lab\\.html\\?course=" + course + "&lab=" + lab));
        return reference.answers(course, userId(student));
    }

    /** A new user logged in on {@code page}, looking at a fresh run of {@code recipe} with its stream open. */
    public ApiClient openRun(Page page, Map<String, Object> recipe) {
        String email = "runner" + PEOPLE.incrementAndGet() + "@" + lab + ".test";
        accounts.createUser(email, "Run Student", false);
        ApiClient user = accounts.login(email);
        page.context().addCookies(List.of(new Cookie("faultlab_session", user.cookie("faultlab_session").orElseThrow().getValue())
                .setUrl(server.baseUrl())));
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        page.navigate(server.baseUrl() + "/run.html?id=" + json(created).path("run").path("id").asText());
        assertThat(page.locator("#run-view")).isVisible();
        assertThat(page.locator("#connection")).hasAttribute("data-state", "open");
        return user;
    }

    /** Types or selects each expected cell of a grid exercise. */
    public static void fillGrid(Page page, String exercise, JsonNode cells) {
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

    /** Types the expected value of a number exercise. */
    public static void fillNumber(Page page, String exercise, JsonNode answer) {
        page.locator("#exercise-" + exercise + " input.number-value").fill(answer.get("value").asText());
    }

    public static void submit(Page page, String exercise) {
        page.locator("#exercise-" + exercise)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit answer")).click();
    }

    public void assertFullMarks(Page page, String exercise) {
        String max = points(reference.exercisePoints(exercise));
        assertThat(page.locator("#exercise-" + exercise + " .exercise-score")).hasText("Score: " + max + " of " + max + " points");
    }

    /** Points as the page prints them: at most two decimals, no trailing zeros. */
    public static String points(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** How the page names the process whose data-node is {@code node}: P1 is node 0. */
    public static String name(String node) {
        return "P" + (Integer.parseInt(node) + 1);
    }

    public static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public long userId(String email) {
        return server.app().database().sql().select(USERS.ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchOne().value1();
    }

    private void logIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/login.html");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(server.baseUrl() + "/courses.html");
    }
}
