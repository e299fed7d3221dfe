package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * FLP in Chromium: a student answers the explanation exercises, then plays the scheduler in the run view (delivering
 * messages out of the clock's order from the valency panel) until 20 steps have passed undecided with the
 * configuration still bivalent, takes that run's plan into the challenge and gets full marks; and a live run where
 * the student holds every message the hand-worked adversary would not deliver, so "decision-within-steps" turns red
 * while agreement and validity stay green.
 */
@ExtendWith(BrowserExtension.class)
class FlpLabIT {
    static final String LAB = "flp";
    private static final LocatorAssertions.HasAttributeOptions SEARCH = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentKeepsTheRunBivalentForTwentyStepsAndGetsFullMarks(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        String labUrl = page.url();
        for (String exercise : List.of("statements", "bivalent-inputs", "chain")) {
            expected.get(exercise).get("choices").forEach(choice ->
                    page.locator("#exercise-" + exercise + " input[value='" + choice.asText() + "']").check());
            submit(page, exercise);
            graded(page, exercise);
            lab.student().assertFullMarks(page, exercise);
        }

        Locator challenge = page.locator("#exercise-undecided");
        challenge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try it in the run view")).click();
        assertThat(page.locator("#run-view")).isVisible();
        assertThat(page.locator("#connection")).hasAttribute("data-state", "open");
        Locator valency = page.locator("#valency");
        assertThat(valency).hasAttribute("data-valency", "bivalent", SEARCH);

        // The scheduler's moves, as the platform's own search found them: at each, deliver a message now.
        for (JsonNode action : expected.get("undecided").get("faults")) {
            int atEvent = action.get("atEvent").asInt();
            while (shown(page) < atEvent) {
                step(page);
            }
            assertThat(valency).hasAttribute("data-at", String.valueOf(atEvent - 1), SEARCH);
            assertThat(valency).hasAttribute("data-valency", "bivalent", SEARCH);
            int message = action.get("params").get("message").asInt();
            page.locator("#valency-messages li[data-message='" + message + "']")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Deliver now"))).click();
            assertThat(page.locator("#fault-plan")).containsText("deliver");
            waitShown(page, atEvent + 2);
        }
        Locator undecided = page.locator("#properties li[data-property='decision-within-steps']");
        while (!"violated".equals(undecided.getAttribute("data-status"))) {
            step(page);
        }
        assertThat(undecided).containsText("after 20 steps (deliveries) no process has decided");
        assertThat(valency).hasAttribute("data-at", String.valueOf(shown(page) - 1), SEARCH);
        assertThat(valency).hasAttribute("data-valency", "bivalent", SEARCH);
        assertThat(valency).containsText("is bivalent");

        String runUrl = page.url();
        page.navigate(labUrl);
        Locator form = page.locator("#exercise-undecided");
        form.getByLabel("Or take the plan of a run of this scenario (its address)").fill(runUrl);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take its plan")).click();
        assertThat(form).containsText("Took " + expected.get("undecided").get("faults").size() + " faults from the run.");
        assertThat(form.locator(".fault-row").first()).containsText("right after event #");
        submit(page, "undecided");
        graded(page, "undecided");
        lab.student().assertFullMarks(page, "undecided");
    }

    @Test
    void holdingEveryMessageTheAdversaryWouldNotDeliverTurnsTheIndicatorRed(Page page) {
        lab.student().openRun(page, Map.of("protocol", "flp", "seed", 1, "params", Map.of("n", 3, "inputs", List.of(0, 1, 1), "steps", 6)));
        Locator undecided = page.locator("#properties li[data-property='decision-within-steps']");
        assertThat(undecided).hasAttribute("data-status", "holds");
        Locator valency = page.locator("#valency");
        while (!"violated".equals(undecided.getAttribute("data-status"))) {
            int shown = shown(page);
            assertThat(valency).hasAttribute("data-at", String.valueOf(shown - 1), SEARCH);
            assertThat(valency).hasAttribute("data-valency", "bivalent", SEARCH);
            Locator next = page.locator("#valency-messages li[data-held='false']").first();
            if (next.count() > 0 && !allowed(next)) {
                next.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Hold"))).click();
                waitShown(page, shown + 1);
            } else {
                step(page);
            }
        }
        assertThat(undecided).containsText("after 6 steps (deliveries) no process has decided");
        assertThat(page.locator("#valency-messages li[data-held='true']").first()).containsText("Held:");
        assertThat(page.locator("#properties li[data-property='agreement']")).hasAttribute("data-status", "holds");
        assertThat(page.locator("#properties li[data-property='validity']")).hasAttribute("data-status", "holds");
    }

    /**
     * The hand-worked adversary for inputs 0 1 1 (FlpRuns.scripted): P2 hears P3's report and P3 hears P1's; P1 hears
     * P3's proposal and P3 hears P2's. Process ids as the page's data attributes give them, from 0.
     */
    private static boolean allowed(Locator message) {
        int from = Integer.parseInt(message.getAttribute("data-from"));
        int to = Integer.parseInt(message.getAttribute("data-to"));
        String type = message.getAttribute("data-type");
        if (type.equals("REPORT")) {
            return (from == 2 && to == 1) || (from == 0 && to == 2) || (from == 1 && to == 0);
        }
        if (type.equals("PROPOSE")) {
            return (from == 2 && to == 0) || (from == 1 && to == 2) || (from == 0 && to == 1);
        }
        return false;
    }

    /** The platform grades by searching (valencies, the student's run): it may take longer than a page's usual wait. */
    private static void graded(Page page, String exercise) {
        assertThat(page.locator("#exercise-" + exercise + " .exercise-score")).not().hasText("Not submitted yet.",
                new LocatorAssertions.HasTextOptions().setTimeout(120_000));
    }

    /** Events shown, as the run's header says. */
    private static int shown(Page page) {
        return Integer.parseInt(page.locator("#run-meta").getAttribute("data-events"));
    }

    private static void step(Page page) {
        int before = shown(page);
        page.locator("#step-event").click();
        waitShown(page, before + 1);
    }

    private static void waitShown(Page page, int events) {
        assertThat(page.locator("#run-meta")).hasAttribute("data-events", Pattern.compile("^([1-9][0-9]*)$"));
        page.waitForCondition(() -> shown(page) >= events);
    }
}
