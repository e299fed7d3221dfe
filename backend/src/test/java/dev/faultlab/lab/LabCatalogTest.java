package dev.faultlab.lab;

import dev.faultlab.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing a lab reloads it; a broken edit leaves the last good version in service and says why. */
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

    private void write(String content, int secondsLater) throws IOException {
        Path file = Files.createDirectories(labs.resolve("flood")).resolve("lab.yaml");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L + secondsLater * 1000L));
    }

    @Test
    void anEditIsPickedUpAndABrokenEditKeepsTheLastGoodVersion() throws IOException {
        write(LAB.formatted("First"), 0);
        LabCatalog catalog = new LabCatalog(labs, new ReferenceGrading(), clock);
        assertThat(catalog.lab("flood")).get().extracting(Lab::title).isEqualTo("First");

        write(LAB.formatted("Second"), 1);
        assertThat(catalog.lab("flood")).get().extracting(Lab::title).as("not looked at again within a second").isEqualTo("First");
        clock.advance(Duration.ofSeconds(2));
        assertThat(catalog.lab("flood")).get().extracting(Lab::title).isEqualTo("Second");

        write(LAB.formatted("Third").replace("points: 1", "points: -1"), 2);
        clock.advance(Duration.ofSeconds(2));
        LabCatalog.Listing listing = catalog.list();
        assertThat(listing.labs()).extracting(LabCatalog.LabSummary::title).containsExactly("Second");
        assertThat(listing.problems()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("flood");
            assertThat(p.field()).isEqualTo("exercises[0].points");
            assertThat(p.line()).isEqualTo(10);
        });

        Files.delete(labs.resolve("flood/lab.yaml"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(catalog.lab("flood")).isEmpty();
    }

    @Test
    void aMissingFolderIsAnEmptyCatalog() {
        LabCatalog catalog = new LabCatalog(labs.resolve("none"), new ReferenceGrading(), clock);

        assertThat(catalog.list().labs()).isEmpty();
        assertThat(catalog.list().problems()).isEmpty();
    }
}
