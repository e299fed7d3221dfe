package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.virtualsynchrony.Data;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;

/**
 * Virtual synchrony in Chromium: a student reads the lecture's four executions from the figures drawn from their
 * runs, answers which are allowed, fills in the view of every delivery, crashes a sender part-way through its
 * multicast in the fault-plan form and gets full marks; and a run with the flush switched off where the student
 * crashes P1 live right after its message reached P2, and view synchrony turns red naming the message and the views.
 */
@ExtendWith(BrowserExtension.class)
class VirtualSynchronyLabIT {
    static final String LAB = "virtual-synchrony";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentJudgesTheFourExecutionsReadsTheViewsAndBreaksViewSynchronyWithACrash(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);

        Locator figureD = page.locator("#figure-execution-d");
        assertThat(figureD.locator(".chart-plot canvas")).hasCount(1);
        assertThat(figureD.locator(".chart-legend li[data-series='r delivers P1#1 in view 1 while in view 2']")).hasCount(1);
        assertThat(page.locator("#figure-execution-c .chart-legend li[data-series='q delivers P1#1 in view 1']")).hasCount(1);
        assertThat(page.locator("#figure-execution-c .chart-legend li[data-series='r delivers P1#1 in view 1']")).hasCount(0);

        for (String execution : List.of("execution-a", "execution-b", "execution-c", "execution-d")) {
            expected.get(execution).get("choices").forEach(choice ->
                    page.locator("#exercise-" + execution + " input[value='" + choice.asText() + "']").check());
            submit(page, execution);
            lab.student().assertFullMarks(page, execution);
        }

        fillGrid(page, "delivery-views", expected.get("delivery-views").get("cells"));
        submit(page, "delivery-views");
        lab.student().assertFullMarks(page, "delivery-views");

        JsonNode crash = expected.get("break-it").get("faults").get(0);
        Locator exercise = page.locator("#exercise-break-it");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("CRASH");
        fault.getByLabel("Process", new Locator.GetByLabelOptions().setExact(true)).selectOption(crash.get("target").asText());
        fault.getByLabel("At time").fill(crash.get("at").asText());
        List<String> reaches = new ArrayList<>();
        crash.at("/params/reaches").forEach(node -> reaches.add("P" + (node.asInt() + 1)));
        fault.getByLabel("its last broadcast reaches only (optional, e.g. P2 P4)").fill(String.join(" ", reaches));
        submit(page, "break-it");
        lab.student().assertFullMarks(page, "break-it");
        assertThat(exercise.locator(".grade-line")).containsText("With the flush switched off your plan breaks view synchrony");
    }

    @Test
    void crashingTheSenderLiveMidMulticastWithTheFlushOffTurnsViewSynchronyRed(Page page) {
        Map<String, Object> recipe = Map.of("protocol", "vsync", "seed", 1,
                "params", Map.of("n", 3, "flush", false, "multicasts", List.of(List.of(0, 12)), "runFor", 100));
        int sendToQ = sendOfTheMulticastTo(recipe, 1);
        lab.student().openRun(page, recipe);

        Locator synchrony = page.locator("#properties li[data-property='view synchrony']");
        assertThat(synchrony).hasAttribute("data-status", "holds");
        Locator position = page.locator("#position");
        Locator inspector = page.locator("#inspector");
        while (!String.valueOf(sendToQ).equals(inspector.getAttribute("data-at"))) {
            String before = position.textContent();
            page.locator("#step-event").click();
            assertThat(position).not().hasText(before);
            String cursor = position.textContent().replaceAll("^Event #(\\d+).*$", "$1");
            assertThat(inspector).hasAttribute("data-at", cursor);
        }

        page.locator(".node-button[data-node='0']").click();
        button(page, "Crash P1").click();
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(synchrony).hasAttribute("data-status", "violated");
        assertThat(synchrony).containsText("P1#1 (multicast in view 1) was delivered by P2 in view 1, but P3 installed view 2 without delivering it");
        assertThat(synchrony.locator("button.witness")).hasCount(2);
    }

    /** The event at which P1's multicast at t=12 is sent to {@code to}, from the platform's own run of the recipe. */
    private static int sendOfTheMulticastTo(Map<String, Object> recipe, int to) {
        @SuppressWarnings("unchecked")
        Simulation run = Simulation.start(Recipe.of("vsync", (Map<String, Object>) recipe.get("params"), 1), Protocols.registry());
        run.runToEnd();
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.SEND && e.node() == 0 && e.peer() == to
                && e.payload() instanceof Data).mapToInt(TraceEvent::seq).findFirst().orElseThrow();
    }
}
