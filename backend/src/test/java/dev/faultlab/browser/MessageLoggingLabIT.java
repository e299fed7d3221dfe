package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * Message logging in Chromium: a student says which messages Q replays, which processes are orphans, what happens
 * to R and whether pessimistic logging would have helped, all to full marks; and a live run of the slides' example
 * where the student crashes Q right after R acted on m3, before m2 reached Q's stable storage, and recovers it:
 * "no orphan processes" turns red naming R (P3), and R rolls back so "orphans rolled back" holds.
 */
@ExtendWith(BrowserExtension.class)
class MessageLoggingLabIT {
    static final String LAB = "message-logging";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentNamesTheReplayedMessagesTheOrphansAndWhyToFullMarks(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("P, Q and R of the slides");

        for (String grid : new String[] {"replayed", "orphans"}) {
            fillGrid(page, grid, expected.get(grid).get("cells"));
            submit(page, grid);
            lab.student().assertFullMarks(page, grid);
        }
        for (String choice : new String[] {"why", "pessimistic"}) {
            expected.get(choice).get("choices").forEach(option ->
                    page.locator("#exercise-" + choice + " input[value='" + option.asText() + "']").check());
            submit(page, choice);
            lab.student().assertFullMarks(page, choice);
        }
    }

    @Test
    void crashingQLiveBeforeM2IsLoggedTurnsNoOrphanProcessesRedNamingR(Page page) {
        lab.student().openRun(page, Map.of("protocol", "logging", "seed", 1, "params", Map.of("mode", "optimistic")));
        Locator noOrphans = page.locator("#properties li[data-property='no orphan processes']");
        assertThat(noOrphans).hasAttribute("data-status", "holds");

        // Step to event #11: R (P3) has delivered m3, which Q (P2) sent after delivering m2, still only in Q's memory.
        Locator position = page.locator("#position");
        for (int step = 0; step < 12; step++) {
            String before = position.textContent();
            page.locator("#step-event").click();
            assertThat(position).not().hasText(before);
        }
        assertThat(position).containsText("Event #11");
        assertThat(page.locator("#event-11")).containsText("P3");

        button(page, "Show P2's state").click();
        Locator log = page.locator(".state-detail section[data-title='Message log (received)']");
        assertThat(log.locator("tr", new Locator.LocatorOptions().setHasText("m2"))).containsText("volatile");
        page.locator(".node-button[data-node='1']").click();
        button(page, "Crash P2").click();
        assertThat(page.locator("#fault-plan")).containsText("crash");
        button(page, "Recover P2").click();

        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(noOrphans).hasAttribute("data-status", "violated");
        assertThat(noOrphans).containsText("P3 depends on interval 2 of P2 (incarnation 0), which P2 lost: it kept only up to interval 1");
        assertThat(noOrphans.locator("button.witness")).hasCount(2);
        assertThat(page.locator("#properties li[data-property='orphans rolled back']")).hasAttribute("data-status", "holds");

        button(page, "Show P3's state").click();
        Locator replay = page.locator(".state-detail section[data-title='Last replay'] dl");
        assertThat(replay.locator("dt:has-text('skipped') + dd")).hasText("m3");
        assertThat(replay.locator("dt:has-text('after') + dd")).hasText("becoming an orphan");
    }
}
