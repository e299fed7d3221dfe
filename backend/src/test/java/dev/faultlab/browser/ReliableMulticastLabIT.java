package dev.faultlab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.reliablemulticast.Data;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliable multicast in Chromium: a student works through labs/reliable-multicast (the retransmissions table, two
 * numbers read from the feedback figure, and a crash entered in the fault-plan form that breaks all-or-nothing)
 * and gets full marks; and a run where the student crashes the sender live in the middle of a multicast, after
 * its copy to P2 went out, and all-or-nothing turns red naming the receivers that never get the message.
 */
@ExtendWith(BrowserExtension.class)
class ReliableMulticastLabIT {
    static final String LAB = "reliable-multicast";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentReadsTheRetransmissionsAndTheFigureAndBreaksAllOrNothingWithACrash(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("lost on the way to");
        assertThat(page.locator("#figure-feedback")).containsText("ACK from every receiver");

        fillGrid(page, "retransmissions", expected.get("retransmissions").get("cells"));
        submit(page, "retransmissions");
        lab.student().assertFullMarks(page, "retransmissions");

        for (String number : new String[] {"feedback-ack", "feedback-suppression"}) {
            page.locator("#exercise-" + number).getByLabel("Your answer").fill(expected.get(number).get("value").asText());
            submit(page, number);
            lab.student().assertFullMarks(page, number);
        }

        JsonNode crash = expected.get("break-atomicity").get("faults").get(0);
        Locator exercise = page.locator("#exercise-break-atomicity");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("CRASH");
        fault.getByLabel("At time").fill(crash.get("at").asText());
        fault.getByLabel("Process").selectOption(crash.get("target").asText());
        fault.getByLabel("after this many more sends (optional)").fill(crash.at("/params/afterSends").asText());
        submit(page, "break-atomicity");
        lab.student().assertFullMarks(page, "break-atomicity");
        assertThat(exercise.locator(".grade-line")).containsText("never did");
    }

    @Test
    void theSenderCrashedLiveAfterItsCopyToP2WentOutLeavesTheOthersWithoutTheMessage(Page page) {
        lab.student().openRun(page, Map.of("protocol", "rmcast", "seed", 1,
                "params", Map.of("n", 5, "messages", 4, "variant", "nack", "runFor", 60)));
        Locator atomic = page.locator("#properties li[data-property='all-or-nothing']");
        assertThat(atomic).hasAttribute("data-status", "pending");

        // Step until P1's copy of m3 to P2 is the last event shown: P1 is in the middle of that multicast.
        int copyToP2 = copyOfM3ToP2();
        Locator position = page.locator("#position");
        String cursor = "";
        while (!cursor.equals(String.valueOf(copyToP2))) {
            String before = position.textContent();
            page.locator("#step-event").click();
            assertThat(position).not().hasText(before);
            cursor = position.textContent().replaceAll("^Event #(\\d+).*$", "$1");
            assertThat(Integer.parseInt(cursor)).isLessThanOrEqualTo(copyToP2);
        }
        page.locator(".node-button[data-node='0']").click();
        button(page, "Crash P1").click();
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        assertThat(atomic).hasAttribute("data-status", "violated");
        assertThat(atomic).containsText("P2 delivered m3 but P3, P4, P5, correct members, never did");
        assertThat(page.locator("#properties li[data-property='no duplicates']")).hasAttribute("data-status", "holds");
    }

    /** The SEND event of P1's m3 to P2 in the fault-free run the test opens (the kernel is deterministic). */
    private static int copyOfM3ToP2() {
        Simulation run = Simulation.start(Recipe.of(ReliableMulticast.ID,
                Map.of("n", 5, "messages", 4, "variant", "nack", "runFor", 60), 1), Protocols.registry());
        run.runToEnd();
        return run.trace().events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.node() == 0 && e.peer() == 1 && e.payload() instanceof Data data && data.seq() == 3)
                .findFirst().orElseThrow().seq();
    }
}
