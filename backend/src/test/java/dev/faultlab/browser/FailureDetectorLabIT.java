package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillNumber;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * Failure detectors in Chromium: a student works through the lab to full marks; in a run, a crash injected live
 * leaves completeness pending until the end, where it holds, while the charts panel follows the run as it plays
 * (the crashed process's count of suspicions rising); and a link cut live makes a process suspect one that is up,
 * so the false-suspicion monitor turns red.
 */
@ExtendWith(BrowserExtension.class)
class FailureDetectorLabIT {
    static final String LAB = "failure-detectors";
    static final Map<String, Object> THREE = Map.of("protocol", "failuredetector", "seed", 1, "params", Map.of("n", 3, "runFor", 200));

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentCountsFalseSuspicionsReadsTheTimeoutAndFindsWhenTheCrashIsSuspected(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("P2 is slow");
        Locator figure = page.locator("#figure-fixed-or-lengthening");
        assertThat(figure.locator(".chart-legend")).containsText("fixed timeout (25 ticks)");
        assertThat(figure.locator(".chart-legend")).containsText("timeout 25, +10 per late heartbeat");

        for (String exercise : List.of("false-suspicions", "timeout-after", "crash-suspected")) {
            fillNumber(page, exercise, expected.get(exercise));
            submit(page, exercise);
            lab.student().assertFullMarks(page, exercise);
        }
    }

    @Test
    void aCrashInjectedLiveIsSuspectedAndCompletenessTurnsFromPendingToHoldingWhileTheChartsFollowTheRun(Page page) {
        lab.student().openRun(page, THREE);
        Locator completeness = page.locator("#properties li[data-property='completeness']");
        Locator falseSuspicions = page.locator("#properties li[data-property='no false suspicions']");
        assertThat(completeness).hasAttribute("data-status", "pending");
        Locator charts = page.locator("#charts");
        assertThat(page.locator("#charts-panel")).isVisible();
        assertThat(charts.locator("figure[data-chart='Timeouts'] .chart-legend")).containsText("every timeout (unchanged)");

        for (int step = 0; step < 30; step++) {
            page.locator("#step-event").click();
        }
        assertThat(page.locator("#position")).hasText(Pattern.compile("^Event #29\\b.*"));
        assertThat(charts).hasAttribute("data-at", "29");
        page.locator(".node-button[data-node='2']").click();
        button(page, "Crash P3").click();
        assertThat(page.locator("#topology")).hasAttribute("data-crashed", "2");

        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(completeness).hasAttribute("data-status", "holds");
        assertThat(falseSuspicions).hasAttribute("data-status", "holds");
        String last = page.locator("#position").textContent().replaceAll("^Event #(\\d+).*$", "$1");
        assertThat(charts).hasAttribute("data-at", last);
        Locator suspicions = charts.locator("figure[data-chart='Suspicions']");
        assertThat(suspicions.locator(".chart-legend")).containsText("P1 suspects");
        suspicions.locator("summary").click();
        // The table alternative: P1 suspects one process (P3) from the moment its timeout ran out.
        assertThat(suspicions.locator("table tbody tr").last().locator("td").first()).hasText("1");
        assertThat(suspicions.locator("table tbody tr").first().locator("td").first()).hasText("0");
    }

    @Test
    void aLinkCutLiveMakesAProcessSuspectOneThatIsUpAndTheFalseSuspicionMonitorTurnsRed(Page page) {
        lab.student().openRun(page, THREE);
        Locator falseSuspicions = page.locator("#properties li[data-property='no false suspicions']");
        assertThat(falseSuspicions).hasAttribute("data-status", "holds");

        page.locator("#link-from").selectOption("0");
        page.locator("#link-to").selectOption("2");
        button(page, "Pick this link").click();
        button(page, "Cut link P1 ↔ P3").click();
        page.locator("#speed").selectOption("2000");
        page.locator("#play").click();

        assertThat(falseSuspicions).hasAttribute("data-status", "violated");
        assertThat(falseSuspicions).containsText("P1 suspected P3 at t=25 though it had not crashed");
        // The cut never heals, so the run has no GST and eventual accuracy promises nothing yet.
        assertThat(page.locator("#properties li[data-property='eventual accuracy']")).hasAttribute("data-status", "holds");
    }
}
