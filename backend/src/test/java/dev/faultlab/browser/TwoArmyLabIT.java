package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;
import static dev.faultlab.support.TestServer.json;

/**
 * The two-army problem in Chromium: a student works through the lab (what a caught messenger does, whether one more
 * acknowledgement helps, the proof table, and the challenge of making the generals disagree, entered in the
 * fault-plan form) to full marks; and runs where the student catches the last messenger by hand, cutting the link
 * while it is on its way, or branching with a DROP of its message, and "both attack or neither" turns red.
 */
@ExtendWith(BrowserExtension.class)
class TwoArmyLabIT {
    static final String LAB = "two-army";
    static final String PROPERTY = "#properties li[data-property='both attack or neither']";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    private static void choose(Page page, String exercise, JsonNode expected) {
        expected.get("choices").forEach(choice -> page.locator("#exercise-" + exercise + " input[value='" + choice.asText() + "']").check());
        submit(page, exercise);
    }

    @Test
    void aStudentAnswersTheTwoArmyLabAndMakesTheGeneralsDisagree(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("messages (k)");

        for (String exercise : new String[] {"early-loss", "last-loss", "one-more"}) {
            choose(page, exercise, expected.get(exercise));
            lab.student().assertFullMarks(page, exercise);
        }

        fillGrid(page, "proof", expected.get("proof").get("cells"));
        submit(page, "proof");
        lab.student().assertFullMarks(page, "proof");

        JsonNode cut = expected.get("disagree").get("faults").get(0);
        Locator exercise = page.locator("#exercise-disagree");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("LINK_DOWN");
        fault.getByLabel("At time").fill(cut.get("at").asText());
        fault.getByLabel("Process", new Locator.GetByLabelOptions().setExact(true)).selectOption(cut.get("target").asText());
        fault.getByLabel("other end", new Locator.GetByLabelOptions().setExact(true)).selectOption(cut.at("/params/to").asText());
        fault.getByLabel("one way only").check();
        submit(page, "disagree");
        lab.student().assertFullMarks(page, "disagree");
        assertThat(exercise.locator(".grade-line")).containsText("attacks alone");
    }

    @Test
    void cuttingTheLinkWhileTheLastMessengerIsOnItsWayTurnsBothAttackOrNeitherRed(Page page) {
        lab.student().openRun(page, Map.of("protocol", "twoarmy", "seed", 1, "params", Map.of("k", 3)));
        Locator property = page.locator(PROPERTY);
        assertThat(property).hasAttribute("data-status", "holds");

        for (int round = 1; round <= 3; round++) {
            button(page, "Next round (Shift+→)").click();
            assertThat(page.locator("#diagram")).hasAttribute("data-round", String.valueOf(round));
        }
        page.locator("#link-from").selectOption("0");
        page.locator("#link-to").selectOption("1");
        button(page, "Pick this link").click();
        button(page, "Cut link P1 ↔ P2").click();
        assertThat(page.locator("#topology")).hasAttribute("data-cut", "0-1");
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(property).hasAttribute("data-status", "violated");
        assertThat(property).containsText("Sparta (P1) attacks alone: Carthage (P2) retreats, after message 3 (ack of 2) never arrived");
        assertThat(property.locator("button.witness")).hasCount(3);
    }

    @Test
    void droppingTheLastMessengerByHandInABranchTurnsBothAttackOrNeitherRed(Page page) {
        ApiClient user = lab.student().openRun(page, Map.of("protocol", "twoarmy", "seed", 1, "params", Map.of("k", 2)));
        for (int round = 1; round <= 2; round++) {
            button(page, "Next round (Shift+→)").click();
            assertThat(page.locator("#diagram")).hasAttribute("data-round", String.valueOf(round));
        }
        String run = page.url().replaceAll(".*id=", "");
        JsonNode lastSend = null;
        for (JsonNode event : json(user.get("/api/runs/" + run + "/trace?from=0&limit=5000")).path("events")) {
            if ("SEND".equals(event.path("kind").asText())) {
                lastSend = event;
            }
        }
        String seq = lastSend.path("seq").asText();
        page.locator("#event-" + seq).click();
        assertThat(page.locator("#inspector")).hasAttribute("data-at", seq);

        button(page, "Branch from here…").click();
        page.getByLabel("Add this fault", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#branch-fault-kind").selectOption("DROP");
        page.locator("#branch-fault-message").fill(lastSend.path("msg").asText());
        button(page, "Start the branch").click();
        assertThat(page.locator("#parent-link")).isVisible();

        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));
        Locator property = page.locator(PROPERTY);
        assertThat(property).hasAttribute("data-status", "violated");
        assertThat(property).containsText(Pattern.compile("Carthage \\(P2\\) attacks alone: Sparta \\(P1\\) retreats, after message 2 \\(ack of 1\\) never arrived"));
    }
}
