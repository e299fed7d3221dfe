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
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.faultlab.browser.StudentInLab.button;
import static dev.faultlab.browser.StudentInLab.fillGrid;
import static dev.faultlab.browser.StudentInLab.name;
import static dev.faultlab.browser.StudentInLab.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raft in Chromium: a student works through the Raft lab from labs/ (the grids with the server's own reference
 * answers for their variant, the two-leaders challenge with a partition entered in the fault-plan form) and gets
 * full marks; and a Raft run where the student partitions the leader away live and a client request
 * arrives, ending with two leaders of different terms and the request committed by the new one.
 */
@ExtendWith(BrowserExtension.class)
class RaftLabIT {
    static final String LAB = "raft";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentAnswersTheRaftLabAndMeetsTheTwoLeadersChallengeWithAPartition(Page page) {
        Map<String, JsonNode> expected = lab.student().openLab(page);
        assertThat(page.locator("#given-tables table").first()).containsText("current term");

        for (String grid : List.of("electable", "before-request", "after-request")) {
            fillGrid(page, grid, expected.get(grid).get("cells"));
            submit(page, grid);
            lab.student().assertFullMarks(page, grid);
        }

        JsonNode partition = expected.get("two-leaders").get("faults").get(0);
        Locator exercise = page.locator("#exercise-two-leaders");
        exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a fault")).click();
        Locator fault = exercise.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Fault 1"));
        fault.getByLabel("Fault", new Locator.GetByLabelOptions().setExact(true)).selectOption("PARTITION");
        fault.getByLabel("At time").fill(partition.get("at").asText());
        fault.getByLabel("groups, e.g. P1 P2 | P3 P4 P5").fill("P" + (partition.at("/params/groups/0/0").asInt() + 1));
        submit(page, "two-leaders");
        lab.student().assertFullMarks(page, "two-leaders");
        assertThat(exercise.locator(".grade-line")).containsText("Nothing committed was lost");
    }

    @Test
    void aLeaderPartitionedAwayLiveStaysLeaderBesideTheNewOneWhichCommitsTheClientsRequest(Page page) {
        lab.student().openRun(page, Map.of("protocol", "raft", "seed", 1,
                "params", Map.of("n", 3, "clients", 1, "requests", 0, "runFor", 600),
                "faults", List.of(Map.of("at", 300, "kind", "REQUEST", "target", 3, "params", Map.of("command", "x=5")))));

        // Step event by event, letting the inspector settle each time, until a leader shows.
        Locator inspector = page.locator("#inspector");
        Locator leaderRow = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("LEADER")));
        Locator position = page.locator("#position");
        for (int step = 1; step <= 80 && leaderRow.count() == 0; step++) {
            String before = position.textContent();
            page.locator("#step-event").click();
            assertThat(position).not().hasText(before);
            String cursor = position.textContent().replaceAll("^Event #(\\d+).*$", "$1");
            assertThat(inspector).hasAttribute("data-at", cursor);
        }
        assertThat(leaderRow).hasCount(1);
        String leader = leaderRow.getAttribute("data-node");

        page.locator(".node-button[data-node='" + leader + "']").click();
        button(page, "Select " + name(leader) + " for a partition").click();
        button(page, "Partition " + name(leader) + " from the rest").click();
        assertThat(page.locator("#topology")).hasAttribute("data-partitioned", "true");
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        Locator leaders = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("LEADER")));
        assertThat(leaders).hasCount(2);
        Locator stale = page.locator("#inspector tr[data-node='" + leader + "']");
        assertThat(stale).containsText("LEADER");
        Locator log = page.locator(".state-detail section[data-title='Log']");
        button(page, "Show " + name(leader) + "'s state").click();
        assertThat(page.locator(".state-detail")).hasAttribute("data-node", leader);
        assertThat(log).not().containsText("x=5");
        String fresh = leaders.filter(new Locator.FilterOptions().setHasNot(page.locator("th", new Page.LocatorOptions()
                .setHasText(name(leader))))).getAttribute("data-node");
        button(page, "Show " + name(fresh) + "'s state").click();
        assertThat(page.locator(".state-detail")).hasAttribute("data-node", fresh);
        assertThat(log.locator("tbody tr", new Locator.LocatorOptions().setHasText("x=5")).locator("td").last()).hasText("yes");
        assertThat(page.locator("#fault-plan")).containsText("partition");
    }

    @Test
    void aServersLogReadsAsATableAndTheRunViewFitsA1280PixelWindow(Page page) {
        page.setViewportSize(1280, 800);
        lab.student().openRun(page, Map.of("protocol", "raft", "seed", 3,
                "params", Map.of("n", 3, "clients", 1, "requests", 2, "runFor", 800)));
        page.locator("#speed").selectOption("2000");
        Locator play = page.locator("#play");
        play.click();
        assertThat(play).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(30_000));

        Locator leaderRow = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("LEADER")));
        assertThat(leaderRow).hasCount(1);
        String leader = leaderRow.getAttribute("data-node");
        button(page, "Show " + name(leader) + "'s state").click();
        Locator detail = page.locator(".state-detail");
        assertThat(detail).hasAttribute("data-node", leader);
        Locator log = detail.locator("section[data-title='Log'] table");
        assertThat(log.locator("thead th")).hasText(new String[] {"index", "term", "operation", "committed"});
        assertThat(log.locator("tbody tr").first().locator("td").first()).hasText("1");
        assertThat(log.locator("tbody tr").last().locator("td").last()).hasText("yes");
        assertThat(detail.locator("section[data-title=\"Followers (leader's view)\"] thead th"))
                .hasText(new String[] {"server", "nextIndex", "matchIndex"});
        assertThat(detail.locator("section[data-title='Server'] dl")).containsText("commitIndex");
        assertThat(page.locator("#inspector")).not().containsText("{");

        String follower = page.locator("#inspector tr[data-node]", new Page.LocatorOptions().setHasText(Pattern.compile("FOLLOWER")))
                .first().getAttribute("data-node");
        button(page, "Show " + name(follower) + "'s state").click();
        assertThat(detail).hasAttribute("data-node", follower);
        assertThat(log.locator("tbody tr").last().locator("td").last()).hasText("yes");
        assertThat(detail.locator("section[data-title=\"Followers (leader's view)\"]")).hasCount(0);

        assertThat((Boolean) page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"))
                .as("no horizontal scrollbar at 1280x800").isTrue();
    }
}
