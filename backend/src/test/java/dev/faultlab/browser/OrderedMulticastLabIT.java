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
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ordered multicast in Chromium: a student works through the lab (the vector timestamps of the lecture's figure,
 * the allowed delivery orders, FIFO-only multicast made to break causality by cutting a link) to full marks; the
 * lab's run shows the figure with each delivery labelled by its vector timestamp; and a sequencer run where the
 * student crashes the sequencer live, so the delivery property turns red and says why total order stops.
 */
@ExtendWith(BrowserExtension.class)
class OrderedMulticastLabIT {
    static final String LAB = "ordered-multicast";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentGivesTheTimestampsJudgesTheOrdersAndBreaksCausalityWithFifoOnly(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("as soon as P3 has delivered m1");
        Locator figure = page.locator("#figure-lecture-figure");
        assertThat(figure.locator(".chart-legend li[data-series='m2 held back at P1']")).hasCount(1);
        assertThat(figure.locator(".chart-legend li")).hasCount(5);

        fillGrid(page, "q2-timestamps", expected.get("q2-timestamps").get("cells"));
        submit(page, "q2-timestamps");
        lab.student().assertFullMarks(page, "q2-timestamps");

        for (String order : List.of("order-fifo", "order-total", "order-causal")) {
            expected.get(order).get("choices").forEach(choice ->
                    page.locator("#exercise-" + order + " input[value='" + choice.asText() + "']").check());
            submit(page, order);
            lab.student().assertFullMarks(page, order);
        }

        JsonNode cut = expected.get("fifo-breaks-causality").get("faults").get(0);
        Locator exercise = page.locator("#exercise-fifo-breaks-causality");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("LINK_DOWN");
        fault.getByLabel("At time").fill(cut.get("at").asText());
        fault.getByLabel("Process", new Locator.GetByLabelOptions().setExact(true)).selectOption(cut.get("target").asText());
        fault.getByLabel("other end").selectOption(cut.at("/params/to").asText());
        fault.getByLabel("one way only").check();
        submit(page, "fifo-breaks-causality");
        lab.student().assertFullMarks(page, "fifo-breaks-causality");
        assertThat(exercise.locator(".grade-line")).containsText("without having delivered");
    }

    @Test
    void theLabsRunIsTheLecturesFigureWithEachDeliveryLabelledByItsVectorTimestamp(Page page) {
        lab.student().openRun(page, Map.of("protocol", "omcast", "seed", 1,
                "params", Map.of("n", 3, "ordering", "causal", "multicasts", List.of(List.of(1, 0), List.of(2, 0, 1))),
                "network", Map.of("links", List.of(Map.of("from", 1, "to", 0, "delay", Map.of("kind", "constant", "min", 10))))));
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        Locator diagram = page.locator("#diagram");
        assertThat(diagram).hasAttribute("data-mode", "detail");
        String labels = diagram.getAttribute("data-labels");
        assertThat(labels).contains("\"text\":\"(0,1,0)\"").contains("\"text\":\"(0,1,1)\"");

        // P1 holds m2 back: its inspector shows the vector clock and the hold-back queue.
        button(page, "Show P1's state").click();
        Locator detail = page.locator(".state-detail");
        assertThat(detail.locator("section[data-title='Vector clock']")).containsText("P2");
        assertThat(detail.locator("section[data-title='Delivered'] tbody tr")).hasCount(2);
        assertThat(detail.locator("section[data-title='Delivered'] tbody tr").last()).containsText("(0,1,1)");

        Object label = page.evaluate("async () => { const { diagramLabel } = await import('/js/run/trace-index.js');"
                + " return [diagramLabel({ payload: { message: { diagramLabel: '(1,0)' } } }), diagramLabel({ payload: { diagramLabel: 'x' } }),"
                + " diagramLabel({ payload: 'text' }), diagramLabel({ payload: { message: { diagramLabel: '' } } })]; }");
        assertThat(label).isEqualTo(java.util.Arrays.asList("(1,0)", "x", null, null));
    }

    @Test
    void crashingTheSequencerLiveStopsTotalOrderAndTheDeliveryPropertySaysWhy(Page page) {
        lab.student().openRun(page, Map.of("protocol", "omcast", "seed", 1,
                "params", Map.of("n", 3, "ordering", "sequencer", "multicasts", List.of(List.of(0, 0), List.of(1, 40)))));
        Locator delivered = page.locator("#properties li[data-property='every multicast delivered']");
        assertThat(delivered).hasAttribute("data-status", "pending");

        page.locator(".node-button[data-node='3']").click();
        button(page, "Crash P4").click();
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(delivered).hasAttribute("data-status", "violated");
        assertThat(delivered).containsText("was never delivered at P1, P2 and P3");
        assertThat(delivered).containsText("P4 crashed, and with it the sequencer");
        assertThat(delivered).containsText("Total order cannot be promised in an asynchronous system");
        assertThat(page.locator("#properties li[data-property='total order']")).hasAttribute("data-status", "holds");
    }
}
