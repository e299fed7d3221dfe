package dev.faultlab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * A find-run exercise in Chromium: the student opens the flooding scenario with one round too few from the lab
 * page, crashes P2 in the run view right after its first send (its broadcast reaches only P1), goes back, submits
 * that run and gets full marks.
 */
@ExtendWith(BrowserExtension.class)
class FindRunLabIT {
    static final String LAB = "flooding-consensus";
    static final String EXERCISE = "too-few-rounds";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentCrashesAProcessPartWayThroughItsBroadcastInTheRunViewAndSubmitsThatRun(Page page) {
        lab.student().openLab(page);
        String labUrl = page.url();
        Locator exercise = page.locator("#exercise-" + EXERCISE);
        assertThat(exercise.locator(".find-run-answer .hint")).containsText("Make a run that violates agreement");

        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open the scenario in the run view")).click();
        assertThat(page).hasURL(Pattern.compile(".*/run\\.html\\?id=.+"));
        assertThat(page.locator("#connection")).hasAttribute("data-state", "open");
        Locator p2SendsToP1 = page.locator("#log-rows [data-kind='SEND']", new Page.LocatorOptions().setHasText("P2 sends"));
        for (int step = 0; step < 20 && p2SendsToP1.count() == 0; step++) {
            page.locator("#step-event").click();
            assertThat(page.locator("#log-rows [data-seq='" + step + "']")).hasCount(1);
        }
        assertThat(p2SendsToP1.first()).containsText("to P1");
        page.locator(".node-button[data-node='1']").click();
        button(page, "Crash P2").click();
        assertThat(page.locator(".node-button[data-node='1']")).hasText(Pattern.compile("P2: crashed"));
        Locator agreement = page.locator("#properties li[data-property='agreement']");
        // The only round ends: P1 knows 2 and decides it, P3 never heard of 2 and decides 5.
        button(page, "Next round (Shift+→)").click();
        assertThat(agreement).hasAttribute("data-status", "violated");

        page.navigate(labUrl);
        Locator run = page.locator("#exercise-" + EXERCISE + " select");
        assertThat(run.locator("option")).hasCount(1);
        submit(page, EXERCISE);

        lab.student().assertFullMarks(page, EXERCISE);
        assertThat(page.locator("#exercise-" + EXERCISE + " .grade-line")).containsText("Your run shows a violation of agreement");
    }
}
