package dev.faultlab.lab;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Recipe;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every lab shipped in labs/ loads and passes its self-test on its default variant. */
class ShippedLabsTest {
    private static final Path LABS = Path.of("..", "labs");

    @Test
    void everyShippedLabLoadsWithoutProblems() {
        LabCatalog catalog = new LabCatalog(LABS, new ReferenceGrading(Protocols.registry()), Clock.systemUTC());
        LabCatalog.Listing listing = catalog.list();
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.labs()).extracting(LabCatalog.LabSummary::id)
                .containsExactly("byzantine-generals", "cap", "checkpointing", "dependability", "failure-detectors", "flooding-consensus", "flp",
                        "message-logging", "ordered-multicast", "paxos", "pbft", "primary-backup", "raft", "reliable-multicast", "rpc-failures",
                        "two-army", "two-phase-commit", "virtual-synchrony", "voting-groups");
    }

    /** The labs that ask for a run the explorer must find, after their existing exercises. */
    @Test
    void theFloodingAndRaftLabsEndWithAFindRunExerciseAndFloodingClaimsAgreementWithFPlusOneRounds() {
        LabCatalog catalog = new LabCatalog(LABS, new ReferenceGrading(Protocols.registry()), Clock.systemUTC());
        Lab flooding = catalog.lab("flooding-consensus").orElseThrow();
        Lab raft = catalog.lab("raft").orElseThrow();

        assertThat(flooding.exercises()).extracting(Exercise::id).containsExactly("known", "decisions", "too-few-rounds");
        assertThat(flooding.exercises().get(2).type()).isEqualTo("find-run");
        assertThat(flooding.definition().holds()).extracting(Claim::property).containsExactly("agreement");
        assertThat(raft.exercises()).extracting(Exercise::id)
                .containsExactly("electable", "before-request", "after-request", "two-leaders", "leaders-by-timing");
        assertThat(raft.exercises().get(4).type()).isEqualTo("find-run");
    }

    @Test
    void theByzantineLabsDefaultVariantIsTheLecturesExerciseSevenWithProcessesNamedFromP1() {
        Lab lab = new LabCatalog(LABS, new ReferenceGrading(Protocols.registry()), Clock.systemUTC()).lab("byzantine-generals").orElseThrow();
        Map<String, JsonNode> defaults = Variants.defaults(lab.definition());
        Recipe recipe = Variants.recipe(lab.protocol(), lab.definition(), defaults, 1);
        List<Given> given = Variants.given(lab.definition(), defaults);

        assertThat(recipe.params()).containsEntry("n", 7).containsEntry("m", 2);
        assertThat(recipe.faults()).extracting(Fault::target).containsExactly(0, 1);
        assertThat(given.get(0).columns()).containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7");
        assertThat(given.get(1).rows()).extracting(Given.Row::label).containsExactly("P1", "P2");
        assertThat(lab.exercises()).extracting(Exercise::title).contains("What P3 hears in round 1", "P3's final vector");
    }
}
