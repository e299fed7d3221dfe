package dev.faultlab.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How grid cells holding sets are read. */
class GridAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path labs;

    private final ReferenceGrading grading = new ReferenceGrading(Protocols.registry());

    /** A flooding lab where P0 crashes before sending anything, asking for each process's set after round 1. */
    private Lab lab(String values) throws Exception {
        Path folder = Files.createDirectories(labs.resolve("sets"));
        Files.writeString(folder.resolve("lab.yaml"), """
                title: Sets
                protocol: flooding
                scenario:
                  params: {n: %d, f: 1, values: %s}
                  faults: [{at: 0, kind: CRASH, target: 0, params: {reaches: []}}]
                exercises:
                  - id: known
                    type: table
                    title: V after round 1
                    prompt: Each process's set.
                    points: 1
                    answer: {key: flooding.known, round: 1}
                """.formatted(values.split(",").length, values));
        return new LabLoader(grading).load(folder);
    }

    @Test
    void aSetIsReadWithOrWithoutBracesInAnyOrder() throws Exception {
        Lab lab = lab("[5, 3, 8]");
        VariantKey key = new VariantKey(1, 1, lab.id());
        assertThat(grading.expected(lab, key, "known", 0).get("cells"))
                .isEqualTo(JSON.valueToTree(Map.of("P1/V", "crashed", "P2/V", "{3, 8}", "P3/V", "{3, 8}")));

        Map<String, Object> loose = Map.of("cells", Map.of("P1/V", "Crashed", "P2/V", "8 3", "P3/V", " {8,3} "));
        Map<String, Object> subset = Map.of("cells", Map.of("P1/V", "crashed", "P2/V", "8", "P3/V", "{3}"));

        assertThat(grading.grade(lab, key, "known", 0, JSON.valueToTree(loose), Map.of()).score()).isEqualTo(1.0);
        assertThat(grading.grade(lab, key, "known", 0, JSON.valueToTree(subset), Map.of()).score()).isEqualTo(1.0 / 3);
    }

    @Test
    void aSingleMemberMayBeWrittenWithoutBraces() throws Exception {
        Lab lab = lab("[5, 3]");
        VariantKey key = new VariantKey(1, 1, lab.id());

        Map<String, Object> bare = Map.of("cells", Map.of("P1/V", "crashed", "P2/V", "3"));

        assertThat(grading.expected(lab, key, "known", 0).get("cells").get("P2/V").asText()).isEqualTo("{3}");
        assertThat(grading.grade(lab, key, "known", 0, JSON.valueToTree(bare), Map.of()).score()).isEqualTo(1.0);
    }
}
