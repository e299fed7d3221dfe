package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.raft.RaftMonitors;
import dev.faultlab.protocols.raft.ServerSnapshot;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Raft lab graded with answers worked out here by the rules its instructions state (the paper's vote and
 * commit rules), and those answers checked against runs of the lab's own scenario with other seeds.
 */
class RaftLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceGrading GRADING = new ReferenceGrading(Protocols.registry());
    private static final Lab LAB = new LabCatalog(Path.of("..", "labs"), GRADING, Clock.systemUTC()).lab("raft").orElseThrow();
    private static final VariantKey KEY = new VariantKey(1, 1, LAB.id());
    /** Last log entry (term, index) of P0..P4 in the lab's table; by the paper's rule P0, P1 and P3 can gather 3 votes. */
    private static final Map<String, String> ELECTABLE = cells("wins", "yes", "yes", "no", "yes", "no");

    private static Map<String, String> cells(String column, String... values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int server = 0; server < values.length; server++) {
            cells.put("P" + server + "/" + column, values[server]);
        }
        return cells;
    }

    private static Grade grade(String exercise, Object answer) throws InvalidAnswer {
        return GRADING.grade(LAB, KEY, exercise, 0, JSON.valueToTree(answer), Map.of());
    }

    @Test
    void theServersThatCanWinAreThoseWithAtLeastAsUpToDateLogsThanAMajority() throws InvalidAnswer {
        assertThat(grade("electable", Map.of("cells", ELECTABLE)).score()).isEqualTo(1.0);
        Map<String, String> longestLogWins = new LinkedHashMap<>(ELECTABLE);
        longestLogWins.put("P3/wins", "no");
        assertThat(grade("electable", Map.of("cells", longestLogWins)).score()).isEqualTo(0.8);
    }

    @Test
    void theAnswerMatchesWhoWinsTheFirstElectionOverManySeeds() {
        Recipe scenario = GRADING.recipe(LAB, KEY);
        Set<Integer> winners = new TreeSet<>();
        for (long seed = 1; seed <= 60; seed++) {
            Recipe seeded = new Recipe(scenario.protocol(), scenario.params(), seed, scenario.faults(), scenario.network(), scenario.budgets());
            RaftMonitors.serversAt(seeded, Protocols.registry(), 299).stream().filter(ServerSnapshot::leader)
                    .forEach(leader -> winners.add(leader.id()));
        }
        Set<Integer> yes = ELECTABLE.entrySet().stream().filter(e -> e.getValue().equals("yes"))
                .map(e -> Integer.parseInt(e.getKey().substring(1, 2))).collect(Collectors.toCollection(TreeSet::new));
        assertThat(winners).isEqualTo(yes);
    }

    @Test
    void beforeTheRequestNothingIsCommittedThoughOldEntriesSitOnEveryServer() throws InvalidAnswer {
        assertThat(grade("before-request", Map.of("cells", cells("commitIndex", "0", "0", "0", "0", "0"))).score()).isEqualTo(1.0);
        assertThat(grade("before-request", Map.of("cells", cells("commitIndex", "2", "2", "2", "2", "2"))).score()).isZero();
    }

    @Test
    void onceTheRequestIsServedEverythingUpToItIsCommittedEverywhere() throws InvalidAnswer {
        List<ServerSnapshot> end = RaftMonitors.serversAt(GRADING.recipe(LAB, KEY), Protocols.registry(), 400);
        ServerSnapshot leader = end.stream().filter(ServerSnapshot::leader).findFirst().orElseThrow();
        String all = Integer.toString(leader.log().size());
        assertThat(leader.log().get(leader.log().size() - 1).client()).as("the last entry is the client's request").isEqualTo(5);

        assertThat(grade("after-request", Map.of("cells", cells("commitIndex", all, all, all, all, all))).score()).isEqualTo(1.0);
    }

    @Test
    void cuttingTheLeaderOffAloneGivesTwoLeadersAndLosesNothing() throws InvalidAnswer {
        int leader = RaftMonitors.serversAt(GRADING.recipe(LAB, KEY), Protocols.registry(), 250).stream()
                .filter(ServerSnapshot::leader).findFirst().orElseThrow().id();
        Map<String, Object> partition = Map.of("at", 250, "kind", "PARTITION", "params", Map.of("groups", List.of(List.of(leader))));

        Grade met = grade("two-leaders", Map.of("faults", List.of(partition)));
        Grade healedAtOnce = grade("two-leaders", Map.of("faults", List.of(partition,
                Map.of("at", 251, "kind", "HEAL"))));

        assertThat(met.score()).as(met.feedback()).isEqualTo(1.0);
        assertThat(met.feedback()).contains("Two leaders at once").contains("Nothing committed was lost");
        assertThat(healedAtOnce.score()).isZero();
        assertThat(healedAtOnce.feedback()).contains("never two leaders");
    }
}
