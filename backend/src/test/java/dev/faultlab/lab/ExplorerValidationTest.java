package dev.faultlab.lab;

import dev.faultlab.protocols.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code validate} proves with the explorer: find-run exercises are solvable, {@code holds:} claims hold. */
class ExplorerValidationTest {
    private static final String HEADER = """
            title: Flooding with too few rounds
            protocol: flooding
            scenario:
              params: {n: 3, f: 1, values: [5, 2, 7]}
            exercises:
              - id: break-it
                type: find-run
                title: Break agreement
                prompt: Crash one process part-way through its broadcast.
                points: 1
                violates: agreement
                params: {rounds: %s}
                kinds: [CRASH]
                maxFaults: 1
                search: {maxDepth: 30, maxCrashes: 1}
                wrong:
                  - faults: []
            """;

    @TempDir
    Path labs;

    private String validate(String name, String yaml) throws IOException {
        Files.createDirectories(labs.resolve(name));
        Files.writeString(labs.resolve(name + "/lab.yaml"), yaml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LabValidator(new PrintStream(out, true, StandardCharsets.UTF_8), Protocols.registry()).validate(labs.resolve(name), 0);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSolvableFindRunExerciseIsProvenSolvableWithTheShortestRunsLength() throws IOException {
        String out = validate("solvable", HEADER.formatted(1) + """
                holds:
                  - property: agreement
                    params: {rounds: 2}
                    search: {maxDepth: 60, maxCrashes: 1}
                """);

        assertThat(out).containsPattern("solvable/lab\\.yaml:6: exercises\\[0]: find-run break-it is solvable: the shortest run has \\d+ steps")
                .contains("holds[0]: agreement holds: every state seen").contains("ok   solvable");
    }

    @Test
    void anExerciseTheExplorerCannotSolveIsRejectedWithItsField() throws IOException {
        String out = validate("unsolvable", HEADER.formatted(2));

        assertThat(out).containsPattern("unsolvable/lab\\.yaml:\\d+: exercises\\[0]\\.search: the explorer finds no run showing a violation "
                + "of agreement within its bounds \\(exhausted").contains("FAIL unsolvable");
    }

    @Test
    void aFalseHoldsClaimIsRejectedWithTheCounterexamplesSteps() throws IOException {
        String out = validate("false-claim", HEADER.formatted(1) + """
                holds:
                  - property: agreement
                    params: {rounds: 1}
                    search: {maxDepth: 40, maxCrashes: 1}
                """);

        assertThat(out).containsPattern("false-claim/lab\\.yaml:\\d+: holds\\[0]\\.property: does not hold: .*the counterexample \\(\\d+ steps\\)")
                .contains("fault: CRASH").contains("DECIDE").contains("FAIL false-claim");
    }

    @Test
    void aPropertyTheProtocolDoesNotHaveIsNamed() throws IOException {
        String out = validate("no-such", HEADER.formatted(1).replace("violates: agreement", "violates: liveness"));

        assertThat(out).contains("flooding has no property 'liveness'").contains("FAIL no-such");
    }
}
