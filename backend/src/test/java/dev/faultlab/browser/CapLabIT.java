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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * CAP in Chromium: a student works through the lab (what the cut-off replica answers in each mode, which property
 * each mode gives up, and the stale-read challenge entered in the fault-plan form) to full marks; and runs where the
 * student cuts P3 off live: in consistency mode "every request answered" turns red, in availability mode
 * "linearizable register" does, each naming its witness.
 */
@ExtendWith(BrowserExtension.class)
class CapLabIT {
    static final String LAB = "cap";
    static final String LINEARIZABLE = "#properties li[data-property='linearizable register']";
    static final String AVAILABLE = "#properties li[data-property='every request answered']";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentAnswersTheCapLabAndProducesAStaleRead(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("cut off from the other two replicas");

        for (String exercise : new String[] {"consistent-read", "available-read", "consistency-gives-up", "availability-gives-up"}) {
            expected.get(exercise).get("choices").forEach(choice ->
                    page.locator("#exercise-" + exercise + " input[value='" + choice.asText() + "']").check());
            submit(page, exercise);
            lab.student().assertFullMarks(page, exercise);
        }

        JsonNode partition = expected.get("stale-read").get("faults").get(0);
        Locator exercise = page.locator("#exercise-stale-read");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("PARTITION");
        fault.getByLabel("At time").fill(partition.get("at").asText());
        fault.getByLabel("groups, e.g. P1 P2 | P3 P4 P5").fill("P" + (partition.at("/params/groups/0/0").asInt() + 1));
        submit(page, "stale-read");
        lab.student().assertFullMarks(page, "stale-read");
        assertThat(exercise.locator(".grade-line")).containsText("stale read");
    }

    private static Map<String, Object> recipe(String mode) {
        return Map.of("protocol", "cap", "seed", 1, "params", Map.of("n", 3, "mode", mode), "faults", List.of(
                Map.of("at", 20, "kind", "REQUEST", "target", 0, "params", Map.of("command", "write 7")),
                Map.of("at", 40, "kind", "REQUEST", "target", 2, "params", Map.of("command", "read"))));
    }

    private static void cutOffP3AndPlay(Page page) {
        page.locator(".node-button[data-node='2']").click();
        button(page, "Select P3 for a partition").click();
        button(page, "Partition P3 from the rest").click();
        assertThat(page.locator("#topology")).hasAttribute("data-partitioned", "true");
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));
    }

    @Test
    void cuttingOffAReplicaLiveInConsistencyModeTurnsEveryRequestAnsweredRed(Page page) {
        lab.student().openRun(page, recipe("consistency"));
        assertThat(page.locator(AVAILABLE)).hasAttribute("data-status", "holds");

        cutOffP3AndPlay(page);

        assertThat(page.locator(AVAILABLE)).hasAttribute("data-status", "violated");
        assertThat(page.locator(AVAILABLE)).containsText("P3 refused read (request 2 at P3): it could not reach a majority of replicas");
        assertThat(page.locator(LINEARIZABLE)).hasAttribute("data-status", "holds");
    }

    @Test
    void cuttingOffAReplicaLiveInAvailabilityModeTurnsLinearizableRegisterRedWithTheStaleRead(Page page) {
        lab.student().openRun(page, recipe("availability"));
        assertThat(page.locator(LINEARIZABLE)).hasAttribute("data-status", "holds");

        cutOffP3AndPlay(page);

        assertThat(page.locator(LINEARIZABLE)).hasAttribute("data-status", "violated");
        assertThat(page.locator(LINEARIZABLE)).containsText("stale read: P3 answered read (request 2 at P3) with 0, but write 7 (request 1 at P1)");
        assertThat(page.locator(LINEARIZABLE).locator("button.witness")).hasCount(3);
        assertThat(page.locator(AVAILABLE)).hasAttribute("data-status", "holds");
    }
}
