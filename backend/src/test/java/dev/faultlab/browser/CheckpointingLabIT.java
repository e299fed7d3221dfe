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
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * Checkpointing in Chromium: a student works through the checkpointing lab (picks the recovery line among the run's
 * checkpoints, says where each process rolls back to, places checkpoints and a crash that make the dominoes fall) to
 * full marks; and a run of the lecture's domino example with the unsafe switch, where the student crashes and recovers
 * P2 live: every process restores its latest checkpoint, the diagram draws that cut across the lanes, and "consistent
 * state after recovery" turns red naming the orphan message.
 */
@ExtendWith(BrowserExtension.class)
class CheckpointingLabIT {
    static final String LAB = "checkpointing";
    static final List<String> DOMINO = List.of("P1 -> P2", "P2 checkpoint", "P2 -> P1", "P1 checkpoint", "P1 -> P2",
            "P2 checkpoint", "P2 -> P1", "P1 checkpoint", "P1 -> P2");

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentPicksTheRecoveryLineSaysWhoRollsBackAndMakesTheDominoesFall(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);

        Locator line = page.locator("#exercise-recovery-line");
        line.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Load the run's events")).click();
        assertThat(line.locator(".trace-events li").first()).containsText("checkpoint");
        for (JsonNode event : expected.get("recovery-line").get("events")) {
            line.locator(".trace-events input[value='" + event.asText() + "']").check();
        }
        submit(page, "recovery-line");
        lab.student().assertFullMarks(page, "recovery-line");

        fillGrid(page, "rollbacks", expected.get("rollbacks").get("cells"));
        submit(page, "rollbacks");
        lab.student().assertFullMarks(page, "rollbacks");

        Locator domino = page.locator("#exercise-domino");
        int row = 0;
        for (JsonNode planned : expected.get("domino").get("faults")) {
            row++;
            domino.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
            Locator fault = domino.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault " + row));
            fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption(planned.get("kind").asText());
            fault.getByLabel("At time").fill(planned.get("at").asText());
            fault.getByLabel("Process", new Locator.GetByLabelOptions().setExact(true)).selectOption(planned.get("target").asText());
            if (planned.has("params") && planned.get("params").has("command")) {
                fault.getByLabel("the client asks for").fill(planned.at("/params/command").asText());
            }
        }
        submit(page, "domino");
        lab.student().assertFullMarks(page, "domino");
        assertThat(domino.locator(".grade-line")).containsText("every process rolls back to its initial state");
    }

    @Test
    void restoringEveryLatestCheckpointAfterALiveCrashTurnsTheRecoveryMonitorRedAndDrawsTheCut(Page page) {
        lab.student().openRun(page, Map.of("protocol", "checkpointing", "seed", 1,
                "params", Map.of("n", 2, "method", "independent", "script", DOMINO, "recovery", "latest-checkpoints")));
        Locator consistent = page.locator("#properties li[data-property='consistent state after recovery']");
        assertThat(consistent).hasAttribute("data-status", "holds");

        // Step to event #24, P2 receiving m9, the script's last step.
        Locator position = page.locator("#position");
        for (int step = 0; step < 25; step++) {
            String before = position.textContent();
            page.locator("#step-event").click();
            assertThat(position).not().hasText(before);
        }
        assertThat(position).containsText("Event #24");

        page.locator(".node-button[data-node='1']").click();
        button(page, "Crash P2").click();
        assertThat(page.locator("#fault-plan")).containsText("crash");
        button(page, "Recover P2").click();
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(consistent).hasAttribute("data-status", "violated");
        assertThat(consistent).containsText("P1's state after the recovery has received m7 from P2, but P2's state never sent it: "
                + "m7 is an orphan message");
        assertThat(consistent.locator("button.witness")).hasCount(3);
        Locator diagram = page.locator("#diagram");
        assertThat(diagram).hasAttribute("data-checkpoints", "6");
        assertThat(diagram).hasAttribute("data-cuts", Pattern.compile("\"name\":\"recovery line\""));
    }
}
