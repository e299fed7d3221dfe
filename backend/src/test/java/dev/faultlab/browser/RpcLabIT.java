package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
 * RPC in Chromium: a student fills the lecture's table of reissue strategies against server crashes, picks the
 * semantics of their pair, makes the transfer happen twice with a fault plan and shows sequence numbers stop it,
 * all to full marks; and a live run where the student crashes the server right after it did the work and
 * recovers it, so the client reissues and at-most-once turns red in the properties panel.
 */
@ExtendWith(BrowserExtension.class)
class RpcLabIT {
    static final String LAB = "rpc-failures";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentFillsTheTableNamesTheSemanticsAndMakesATransferHappenTwice(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("client reissue strategy");
        Locator figure = page.locator("#figure-crash-pc-m");
        assertThat(figure.locator(".chart-plot canvas")).hasCount(1);
        assertThat(figure.locator(".chart-legend li[data-series='RECOVERED P1 to P2, sent at t=9']")).hasCount(1);
        assertThat(figure.locator(".chart-legend li", new Locator.LocatorOptions().setHasText("does the work P"))).hasCount(2);

        fillGrid(page, "table", expected.get("table").get("cells"));
        submit(page, "table");
        lab.student().assertFullMarks(page, "table");

        expected.get("semantics").get("choices").forEach(choice ->
                page.locator("#exercise-semantics input[value='" + choice.asText() + "']").check());
        submit(page, "semantics");
        lab.student().assertFullMarks(page, "semantics");

        for (String challenge : new String[] {"twice", "stopped"}) {
            enterPlan(page, challenge, expected.get(challenge).get("faults"));
            submit(page, challenge);
            lab.student().assertFullMarks(page, challenge);
        }
        assertThat(page.locator("#exercise-stopped .grade-line")).containsText("answered it from its table");
    }

    private static void enterPlan(Page page, String exercise, JsonNode faults) {
        Locator form = page.locator("#exercise-" + exercise);
        for (int i = 0; i < faults.size(); i++) {
            JsonNode fault = faults.get(i);
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
            Locator row = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault " + (i + 1)));
            row.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption(fault.get("kind").asText());
            row.getByLabel("At time").fill(fault.get("at").asText());
            row.getByLabel("Process").selectOption(fault.get("target").asText());
            JsonNode duration = fault.path("params").path("duration");
            if (!duration.isMissingNode()) {
                row.getByLabel("lasts this many ticks (optional)").fill(duration.asText());
            }
        }
    }

    @Test
    void crashingTheServerLiveBetweenTheWorkAndTheCompletionMessageTurnsAtMostOnceRed(Page page) {
        lab.student().openRun(page, Map.of("protocol", "rpc", "seed", 1,
                "params", Map.of("operation", "transfer", "strategy", "unacked", "order", "PM")));
        Locator atMostOnce = page.locator("#properties li[data-property='at-most-once']");
        assertThat(atMostOnce).hasAttribute("data-status", "holds");

        // Step to event #8, the lab.server()'s commit of the transfer (P), before it sends the completion message (M).
        Locator position = page.locator("#position");
        for (int step = 0; step < 9; step++) {
            String before = position.textContent();
            page.locator("#step-event").click();
            assertThat(position).not().hasText(before);
        }
        assertThat(position).containsText("Event #8");
        assertThat(page.locator("#event-8")).containsText("P1");

        page.locator(".node-button[data-node='0']").click();
        button(page, "Crash P1").click();
        assertThat(page.locator("#fault-plan")).containsText("crash");
        button(page, "Recover P1").click();

        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(atMostOnce).hasAttribute("data-status", "violated");
        assertThat(atMostOnce).containsText("call #1 of P2 (transfer 50 from A to B) took effect twice");
        assertThat(atMostOnce.locator("button.witness")).hasCount(2);
        assertThat(page.locator("#properties li[data-property='at-least-once']")).hasAttribute("data-status", "holds");
        button(page, "Show P1's state").click();
        Locator fields = page.locator(".state-detail section[data-title='Server'] dl");
        assertThat(fields.locator("dt:has-text('account A') + dd")).hasText("0");
        assertThat(fields.locator("dt:has-text('account B') + dd")).hasText("100");
    }
}
