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
 * Paxos in Chromium: a student works through the Paxos lab from labs/ (the execution orders and the chosen values
 * with the server's reference answers, then a timing fault on the leader entered in the fault-plan form for both
 * challenges) and gets full marks; and a run without leader ids where the student cuts the leader and its client off
 * live, so that after the scripted heal the old leader's ACCEPT breaks the order and the monitor turns red.
 */
@ExtendWith(BrowserExtension.class)
class PaxosLabIT {
    static final String LAB = "paxos";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentReadsTheOrdersAndWhatIsChosenAndMakesTwoLeadersCompeteWithAndWithoutLeaderIds(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("S3 crashes");

        for (String grid : List.of("order-while-s3-is-down", "order-after-recovery", "chosen-before-takeover", "order-after-takeover")) {
            fillGrid(page, grid, expected.get(grid).get("cells"));
            submit(page, grid);
            lab.student().assertFullMarks(page, grid);
        }

        for (String challenge : List.of("break-without-leader-ids", "safe-with-leader-ids")) {
            JsonNode timing = expected.get(challenge).get("faults").get(0);
            Locator exercise = page.locator("#exercise-" + challenge);
            exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
            Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
            fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("TIMING");
            fault.getByLabel("Process").selectOption(timing.get("target").asText());
            fault.getByLabel("At time").fill(timing.get("at").asText());
            fault.getByLabel("extra message delay in ticks").fill(timing.at("/params/extraDelay").asText());
            submit(page, challenge);
            lab.student().assertFullMarks(page, challenge);
        }
        assertThat(page.locator("#exercise-break-without-leader-ids .grade-line")).containsText("is violated");
        assertThat(page.locator("#exercise-safe-with-leader-ids .grade-line")).containsText("Nothing broke");
    }

    @Test
    void withoutLeaderIdsCuttingTheLeaderOffLiveTurnsTheSameOperationMonitorRed(Page page) {
        lab.student().openRun(page, Map.of("protocol", "paxos", "seed", 1,
                "params", Map.of("clients", 2, "requests", 0, "runFor", 400, "leaderIds", false),
                "faults", List.of(Map.of("at", 30, "kind", "REQUEST", "target", 3, "params", Map.of("command", "o1")),
                        Map.of("at", 100, "kind", "REQUEST", "target", 4, "params", Map.of("command", "o2")),
                        Map.of("at", 150, "kind", "HEAL", "params", Map.of()))));

        Locator sameOp = page.locator("#properties li[data-property='same operation at each timestamp']");
        assertThat(sameOp).hasAttribute("data-status", "holds");
        for (String node : List.of("0", "3")) {
            page.locator(".node-button[data-node='" + node + "']").click();
            button(page, "Select " + StudentInLab.name(node) + " for a partition").click();
        }
        button(page, "Partition P1, P4 from the rest").click();
        assertThat(page.locator("#topology")).hasAttribute("data-partitioned", "true");

        page.locator("#speed").selectOption("2000");
        page.locator("#play").click();

        assertThat(sameOp).hasAttribute("data-status", "violated");
        assertThat(sameOp).containsText("executed o2 at timestamp 1 but P1 executed o1 there");
        assertThat(page.locator("#properties li[data-property='one value chosen per timestamp']")).hasAttribute("data-status", "violated");
        assertThat(page.locator("#fault-plan")).containsText("partition");
    }
}
