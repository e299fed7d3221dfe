package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * Primary-backup in Chromium: a student works through the primary-backup lab (which updates survive the crash, the
 * safe timeout, and the lossy-link challenge entered in the fault-plan form) to full marks; and a run where the
 * student cuts the link from the primary to its backup live, so the backup takes over without updates the primary
 * acknowledged and "no acknowledged update lost" turns red.
 */
@ExtendWith(BrowserExtension.class)
class PrimaryBackupLabIT {
    static final String LAB = "primary-backup";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentAnswersThePrimaryBackupLabAndLosesAnAcknowledgedUpdateWithALossyLink(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("delay bound");

        fillGrid(page, "survivors", expected.get("survivors").get("cells"));
        submit(page, "survivors");
        lab.student().assertFullMarks(page, "survivors");

        page.locator("#exercise-safe-timeout input.number-value").fill(expected.get("safe-timeout").get("value").asText());
        submit(page, "safe-timeout");
        lab.student().assertFullMarks(page, "safe-timeout");

        JsonNode loss = expected.get("lose-acknowledged").get("faults").get(0);
        Locator exercise = page.locator("#exercise-lose-acknowledged");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("LINK_LOSS");
        fault.getByLabel("At time").fill(loss.get("at").asText());
        fault.getByLabel("Process", new Locator.GetByLabelOptions().setExact(true)).selectOption(loss.get("target").asText());
        fault.getByLabel("to", new Locator.GetByLabelOptions().setExact(true)).selectOption(loss.at("/params/to").asText());
        fault.getByLabel("loss probability").fill("1");
        submit(page, "lose-acknowledged");
        lab.student().assertFullMarks(page, "lose-acknowledged");
        assertThat(exercise.locator(".grade-line")).containsText("acts as primary without it");
    }

    @Test
    void cuttingTheLinkFromThePrimaryToItsBackupLiveTurnsNoAcknowledgedUpdateLostRed(Page page) {
        lab.student().openRun(page, Map.of("protocol", "primarybackup", "seed", 1,
                "params", Map.of("mode", "passive", "runFor", 300, "workload", List.of("set 1", "add 2", "add 3", "add 4"))));
        Locator lost = page.locator("#properties li[data-property='no acknowledged update lost']");
        assertThat(lost).hasAttribute("data-status", "holds");
        assertThat(page.locator("#properties li[data-property='clients see one history']")).hasAttribute("data-status", "holds");

        page.locator("#link-from").selectOption("0");
        page.locator("#link-to").selectOption("1");
        button(page, "Pick this link").click();
        button(page, "Cut link P1 ↔ P2").click();
        assertThat(page.locator("#topology")).hasAttribute("data-cut", "0-1");
        page.locator("#speed").selectOption("2000");
        page.locator("#play").click();

        assertThat(lost).hasAttribute("data-status", "violated");
        assertThat(lost).containsText("P1 answered P3's request 1 with #1 set 1 (x=1), but P2 acts as primary without it");
        assertThat(lost.locator("button.witness")).hasCount(2);
    }
}
