package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * Voting groups in Chromium: a student works through the voting-groups lab (the voter's output, the sizing table,
 * and one more value fault entered in the fault-plan form to defeat the group) to full marks; and a run where a
 * separate voter is made Byzantine live, so the client accepts a wrong result from correct replicas and "voter's
 * output is correct" turns red.
 */
@ExtendWith(BrowserExtension.class)
class VotingGroupsLabIT {
    static final String LAB = "voting-groups";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentSizesTheGroupsAndDefeatsAFiveReplicaVoterWithAThirdValueFault(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("value fault");

        for (String grid : new String[] {"voter-output", "sizing"}) {
            fillGrid(page, grid, expected.get(grid).get("cells"));
            submit(page, grid);
            lab.student().assertFullMarks(page, grid);
        }

        JsonNode liar = expected.get("defeat").get("faults").get(0);
        Locator exercise = page.locator("#exercise-defeat");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("BYZANTINE");
        fault.getByLabel("Process", new Locator.GetByLabelOptions().setExact(true)).selectOption(liar.get("target").asText());
        fault.getByLabel("behaviour", new Locator.GetByLabelOptions().setExact(true)).selectOption("wrong-value");
        submit(page, "defeat");
        lab.student().assertFullMarks(page, "defeat");
        assertThat(exercise.locator(".grade-line")).containsText("but a correct replica computes");
    }

    @Test
    void aSeparateVoterMadeByzantineLiveFoolsTheClientAndTheOutputPropertyTurnsRed(Page page) {
        lab.student().openRun(page, Map.of("protocol", "voting", "seed", 1,
                "params", Map.of("n", 3, "model", "value", "voter", "separate", "input", 7)));
        Locator output = page.locator("#properties li[data-property=\"voter's output is correct\"]");
        assertThat(output).hasAttribute("data-status", "holds");

        page.locator(".node-button[data-node='3']").click();
        page.locator("#behaviour-3").selectOption("wrong-value");
        button(page, "Make Byzantine").click();
        page.locator("#speed").selectOption("2000");
        page.locator("#play").click();

        assertThat(output).hasAttribute("data-status", "violated");
        assertThat(output).containsText("P5 accepted 50 but the correct result is 49");
    }
}
