package dev.faultlab.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Every lab shipped in labs/ loads and passes its self-test on its default variant. */
class ShippedLabsTest {
    private static final Path LABS = Path.of("..", "labs");

    @Test
    void everyShippedLabLoadsWithoutProblems() {
        LabCatalog catalog = new LabCatalog(LABS, new ReferenceGrading(), Clock.systemUTC());
        LabCatalog.Listing listing = catalog.list();
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.labs()).extracting(LabCatalog.LabSummary::id)
                .containsExactly("byzantine-generals", "dependability", "flooding-consensus", "raft", "two-phase-commit");
    }
}
