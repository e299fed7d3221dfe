package dev.faultlab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs quote real code: every Java block in docs/*.md and README.md is checked against the file it names
 * (see {@link DocExcerpts} for the convention), so a quoted excerpt fails the build the moment its source drifts.
 */
class DocsExcerptsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private static List<String> pages() throws IOException {
        List<String> pages = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> pages.add(ROOT.relativize(p).toString()));
        }
        pages.add("README.md");
        return pages;
    }

    @Test
    void everyJavaBlockOfTheDocsOccursInTheFileItNames() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String page : pages()) {
            problems.addAll(DocExcerpts.check(ROOT, page).problems());
        }
        assertThat(problems).as("Java blocks of the docs that are not true to their source:\n%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    void theSimulationPageQuotesTheRaftProtocolAndThePublicInterfaces() throws IOException {
        DocExcerpts.Report simulation = DocExcerpts.check(ROOT, "docs/SIMULATION.md");
        String page = Files.readString(ROOT.resolve("docs/SIMULATION.md"));

        assertThat(simulation.quoted()).isGreaterThanOrEqualTo(15);
        assertThat(page).contains("<!-- from: backend/src/main/java/dev/faultlab/protocols/raft/Server.java -->",
                "<!-- from: backend/src/main/java/dev/faultlab/protocols/raft/StateMachineSafety.java -->",
                "<!-- from: backend/src/main/java/dev/faultlab/sim/Context.java -->");
        assertThat(page).doesNotContain("<!-- from: backend/src/main/java/dev/faultlab/sim/Kernel.java -->");
    }

    // ---------------------------------------------------------------- the checker itself

    private static DocExcerpts.Report checkPage(Path root, String page) throws IOException {
        Files.writeString(root.resolve("Source.java"), """
                final class Source {
                    void a() {
                        first();
                        second();
                    }

                    void b() {
                        third();
                    }
                }
                """);
        Files.writeString(root.resolve("page.md"), page);
        return DocExcerpts.check(root, "page.md");
    }

    @Test
    void aBlockPassesWhateverItsIndentationAndMaySkipLinesOfTheFile(@TempDir Path root) throws IOException {
        DocExcerpts.Report report = checkPage(root, """
                <!-- from: Source.java -->
                ```java
                void a() {
                    first();
                // ...
                void b() {
                ```
                """);

        assertThat(report.problems()).isEmpty();
        assertThat(report.quoted()).isEqualTo(1);
    }

    @Test
    void aBlockThatDriftedFromItsFileIsReportedWithThePageLineTheFileAndTheFirstLineThatDiffers(@TempDir Path root) throws IOException {
        DocExcerpts.Report report = checkPage(root, """
                # A page

                <!-- from: Source.java -->
                ```java
                void a() {
                    first();
                    third();
                ```
                """);

        assertThat(report.problems()).containsExactly("page.md:4: the java block quoted from Source.java is not in that file: "
                + "its line 3 'third();' differs from line 4 of the file, 'second();'");
    }

    @Test
    void partsAroundASkipMustComeInTheFilesOrder(@TempDir Path root) throws IOException {
        DocExcerpts.Report report = checkPage(root, """
                <!-- from: Source.java -->
                ```java
                third();
                // ...
                first();
                ```
                """);

        assertThat(report.problems()).singleElement().asString()
                .contains("page.md:2:", "its line 3 'first();' occurs nowhere after the part before it");
    }

    @Test
    void aBlockWithoutASourceFailsUnlessItIsMarkedIllustrative(@TempDir Path root) throws IOException {
        DocExcerpts.Report report = checkPage(root, """
                <!-- illustrative -->
                ```java
                run.step();
                ```

                ```java
                run.step();
                ```
                """);

        assertThat(report.illustrative()).isEqualTo(1);
        assertThat(report.problems()).singleElement().asString().startsWith("page.md:6: the java block names no source");
    }

    @Test
    void aMissingFileAndAMarkerAwayFromItsFenceAreReported(@TempDir Path root) throws IOException {
        DocExcerpts.Report report = checkPage(root, """
                <!-- from: Gone.java -->
                ```java
                first();
                ```
                <!-- from: Source.java -->

                ```java
                first();
                ```
                """);

        assertThat(report.problems()).hasSize(3);
        assertThat(report.problems().get(0)).isEqualTo("page.md:2: the java block quoted from Gone.java names a file that does not exist");
        assertThat(report.problems().get(1)).startsWith("page.md:5: '<!-- from: Source.java -->' must be the line right before");
        assertThat(report.problems().get(2)).startsWith("page.md:7: the java block names no source");
    }
}
