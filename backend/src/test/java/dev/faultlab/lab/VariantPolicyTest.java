package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.protocols.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary traitors give don't-care cells; an exercise can draw a new variant for every attempt. */
class VariantPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path labs;

    private final ReferenceGrading grading = new ReferenceGrading(Protocols.registry());

    private Lab load(String yaml) throws IOException, LabLoadException {
        Path folder = Files.createDirectories(labs.resolve("lab"));
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        return new LabLoader(grading).load(folder);
    }

    @Test
    void cellsAnArbitraryTraitorDecidesAcceptAnyValue() throws Exception {
        Lab lab = load("""
                title: Arbitrary traitor
                protocol: byzantine
                scenario:
                  params: {n: 4, m: 1, values: [ATTACK, RETREAT, ATTACK, ATTACK]}
                  faults: [{at: 0, kind: BYZANTINE, target: 1, params: {behaviour: random}}]
                exercises:
                  - id: round2
                    type: matrix
                    title: Round 2 at P1
                    prompt: What P1 hears in round 2.
                    points: 1
                    answer: {key: byzantine.received, node: 0, round: 2, arbitrary: true}
                """);
        VariantKey key = new VariantKey(1, 1, lab.id());
        JsonNode expected = grading.expected(lab, key, "round2", 0);
        ObjectNode answer = expected.deepCopy();
        ObjectNode cells = (ObjectNode) answer.get("cells");

        assertThat(expected.get("cells").get("P2/P3").asText()).as("P2 relays: made up").isEqualTo("*");
        assertThat(expected.get("cells").get("P3/P2").asText()).as("about P2: made up").isEqualTo("*");
        assertThat(expected.get("cells").get("P3/P4").asText()).as("loyal chain").isEqualTo("ATTACK");
        cells.put("P2/P3", "RETREAT");
        cells.put("P3/P2", "ATTACK");
        assertThat(grading.grade(lab, key, "round2", 0, answer, Map.of()).score()).isEqualTo(1.0);
        cells.put("P3/P4", "RETREAT");
        assertThat(grading.grade(lab, key, "round2", 0, answer, Map.of()).score()).isEqualTo(5.0 / 6);
    }

    @Test
    void anExerciseMayDrawANewVariantForEachAttempt() throws Exception {
        Lab lab = load("""
                title: Availability drills
                protocol: echo
                variables:
                  crash: {between: [10, 40]}
                  repair: {between: [50, 90]}
                scenario:
                  params: {n: 2, waves: 1000000}
                  budgets: {maxTime: 120}
                  faults:
                    - {at: "${crash}", kind: CRASH, target: 1}
                    - {at: "${repair}", kind: RECOVER, target: 1}
                exercises:
                  - id: mttr
                    type: number
                    title: MTTR
                    prompt: The time to repair.
                    points: 1
                    policy: {newVariantPerAttempt: true}
                    answer: {key: dependability, node: 1, measure: mttr}
                """);
        VariantKey key = new VariantKey(1, 7, lab.id());
        Set<Double> perAttempt = new HashSet<>();
        IntStream.range(0, 10).forEach(attempt -> perAttempt.add(grading.expected(lab, key, "mttr", attempt).get("value").asDouble()));

        assertThat(grading.expected(lab, key, "mttr", 3)).isEqualTo(grading.expected(lab, key, "mttr", 3));
        assertThat(perAttempt).hasSizeGreaterThan(5);
        assertThat(JSON.writeValueAsString(grading.sheet(lab, key, Map.of("mttr", 2)))).doesNotContain("\"value\"");
    }
}
