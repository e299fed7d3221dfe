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
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * PBFT in Chromium: a student reads the lab's figure (messages per request beside n²) and works through the PBFT
 * lab from labs/ (certificates before and after the view change, the new primary, messages per request, the n = 3k scenario
 * against 3k+1) to full marks; and a run with n = 3k replicas where the
 * student turns the primary into an equivocating traitor live, plays the run, and sees "same operation at each
 * timestamp" and "results from k+1 correct replicas" turn red with the events that break them.
 */
@ExtendWith(BrowserExtension.class)
class PbftLabIT {
    static final String LAB = "pbft";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentFillsTheCertificatesFollowsTheViewChangeAndCountsTheMessagesToFullMarks(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("PRE-PREPARE(1, 0, o)");
        Locator figure = page.locator("#figure-message-growth");
        assertThat(figure.locator(".chart-legend li")).hasText(new String[] {"PBFT, measured", "n²"});
        figure.getByText("The numbers").click();
        Locator ten = figure.locator(".chart-numbers tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("th", new Page.LocatorOptions().setHasText(Pattern.compile("^10$")))));
        assertThat(ten.locator("td")).hasText(new String[] {"191", "100"});

        for (String grid : List.of("before-view-change", "new-primary", "after-view-change", "messages")) {
            fillGrid(page, grid, expected.get(grid).get("cells"));
            submit(page, grid);
            lab.student().assertFullMarks(page, grid);
        }
        for (String choice : List.of("n-equals-3k", "n-equals-3k-plus-1")) {
            expected.get(choice).get("choices").forEach(option ->
                    page.locator("#exercise-" + choice + " input[value='" + option.asText() + "']").check());
            submit(page, choice);
            lab.student().assertFullMarks(page, choice);
        }
    }

    @Test
    void withThreeReplicasAnEquivocatingPrimaryMadeLiveSplitsTheCorrectReplicasAndTheMonitorsTurnRed(Page page) {
        lab.student().openRun(page, Map.of("protocol", "pbft", "seed", 1, "params", Map.of("k", 1, "n", 3, "requests", 1)));
        Locator same = page.locator("#properties li[data-property='same operation at each timestamp']");
        Locator trusted = page.locator("#properties li[data-property='results from k+1 correct replicas']");
        assertThat(same).hasAttribute("data-status", "holds");

        page.locator(".node-button[data-node='0']").click();
        page.locator("#behaviour-0").selectOption("equivocate");
        button(page, "Make Byzantine").click();
        assertThat(page.locator("#fault-plan")).containsText(Pattern.compile("byzantine", Pattern.CASE_INSENSITIVE));

        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(same).hasAttribute("data-status", "violated");
        assertThat(same).containsText(Pattern.compile("P2 executed \\S+ at t=1 but P3 executed none"));
        assertThat(same.locator("button.witness")).hasCount(2);
        assertThat(trusted).hasAttribute("data-status", "violated");
        assertThat(trusted).containsText("only 1 correct replica(s) produced it (P2)");
        assertThat(page.locator("#properties li[data-property='progress after a faulty primary']")).hasAttribute("data-status", "holds");
    }
}
