package dev.faultlab.lab;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a lab reloads it off the reader's thread; a broken edit (files or self-test) leaves the last good version
 * in service and says why.
 */
class LabCatalogTest {
    private static final String LAB = """
            title: %s
            protocol: flooding
            scenario:
              params: {n: 3, f: 1, values: [3, 1, 2]}
            exercises:
              - id: decisions
                type: table
                title: Who decides what
                prompt: Enter each decision.
                points: 1
                answer: {key: flooding.decisions}
            """;

    @TempDir
    Path labs;

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-27T10:00:00Z"));
    /** The loads the catalog handed to its background thread, run when the test says so. */
    private final List<Runnable> loads = new ArrayList<>();

    private LabCatalog catalog(Path folder) {
        return new LabCatalog(folder, new ReferenceGrading(Protocols.registry()), clock, loads::add);
    }

    private void finishLoads() {
        List<Runnable> now = List.copyOf(loads);
        loads.clear();
        now.forEach(Runnable::run);
    }

    private void write(String content, int secondsLater) throws IOException {
        Path file = Files.createDirectories(labs.resolve("flood")).resolve("lab.yaml");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L + secondsLater * 1000L));
    }

    @Test
    void anEditIsPickedUpAndABrokenEditKeepsTheLastGoodVersion() throws IOException {
        write(LAB.formatted("First"), 0);
        LabCatalog catalog = catalog(labs);
        assertThat(catalog.lab("flood")).as("loaded at start, on the caller's thread").get().extracting(Lab::title).isEqualTo("First");

        write(LAB.formatted("Second"), 1);
        assertThat(catalog.lab("flood")).get().extracting(Lab::title).as("not looked at again within a second").isEqualTo("First");
        clock.advance(Duration.ofSeconds(2));
        assertThat(catalog.lab("flood")).get().extracting(Lab::title).as("served while the edit loads").isEqualTo("First");
        clock.advance(Duration.ofSeconds(2));
        catalog.lab("flood");
        assertThat(loads).as("one load per version, however often the catalog is read").hasSize(1);
        finishLoads();
        assertThat(catalog.lab("flood")).get().extracting(Lab::title).isEqualTo("Second");
        String second = catalog.lab("flood").orElseThrow().version();

        write(LAB.formatted("Third").replace("points: 1", "points: -1"), 2);
        clock.advance(Duration.ofSeconds(2));
        catalog.list();
        finishLoads();
        LabCatalog.Listing listing = catalog.list();
        assertThat(listing.labs()).extracting(LabCatalog.LabSummary::title).containsExactly("Second");
        assertThat(listing.broken()).containsExactly(new LabCatalog.BrokenLab("flood", "Second", second));
        assertThat(listing.problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("flood");
            assertThat(p.field()).isEqualTo("exercises[0].points");
            assertThat(p.line()).isEqualTo(10);
        });

        Files.delete(labs.resolve("flood/lab.yaml"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(catalog.lab("flood")).isEmpty();
        assertThat(catalog.list().broken()).isEmpty();
    }

    @Test
    void anEditWhoseSelfTestFailsKeepsTheLastGoodVersionAndIsListedAsBroken() throws IOException {
        write(LAB.formatted("First"), 0);
        LabCatalog catalog = catalog(labs);
        String first = catalog.lab("flood").orElseThrow().version();

        write(LAB.formatted("Second") + """
                    wrong:
                      - cells: {"P1/value": "1", "P2/value": "1", "P3/value": "1"}
                """, 1);
        clock.advance(Duration.ofSeconds(2));
        catalog.list();
        finishLoads();

        LabCatalog.Listing listing = catalog.list();
        assertThat(listing.labs()).extracting(LabCatalog.LabSummary::title).containsExactly("First");
        assertThat(listing.broken()).containsExactly(new LabCatalog.BrokenLab("flood", "First", first));
        assertThat(listing.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("flood/lab.yaml");
            assertThat(p.field()).isEqualTo("exercises[0].wrong[0]");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).isEqualTo("this wrong answer scores full marks");
        });
    }

    @Test
    void aMissingFolderIsAnEmptyCatalog() {
        LabCatalog catalog = catalog(labs.resolve("none"));

        assertThat(catalog.list().labs()).isEmpty();
        assertThat(catalog.list().problems()).isEmpty();
    }
}
