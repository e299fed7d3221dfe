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

class LabValidatorTest {
    @TempDir
    Path labs;

    @Test
    void theShippedLabsAreValidOverManyVariants() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int failed = new LabValidator(new PrintStream(out, true, StandardCharsets.UTF_8), Protocols.registry()).validate(Path.of("..", "labs"), 10);

        assertThat(failed).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok   byzantine-generals").contains("ok   flp").contains("ok   raft").contains("ok   pbft")
                .contains("ok   rpc-failures").contains("ok   failure-detectors").contains("ok   virtual-synchrony")
                .contains("ok   ordered-multicast").contains("ok   checkpointing").contains("ok   two-army").contains("ok   cap").contains("ok   message-logging").contains("ok   primary-backup").contains("ok   voting-groups")
                .contains("ok   paxos").contains("ok   reliable-multicast").contains("19 of 19 labs are valid.")
                .containsPattern("flooding-consensus/lab\\.yaml:\\d+: exercises\\[2]: find-run too-few-rounds is solvable: the shortest run has \\d+ steps")
                .containsPattern("flooding-consensus/lab\\.yaml:\\d+: holds\\[0]: agreement holds: every state seen")
                .containsPattern("raft/lab\\.yaml:\\d+: exercises\\[4]: find-run leaders-by-timing is solvable");
    }

    /** Right on the default variant, its listed wrong answer is right on variants where every process starts with 2. */
    @Test
    void aSelfTestFailureOnADrawnVariantNamesTheFileLineAndField() throws IOException {
        Files.createDirectories(labs.resolve("drawn"));
        Files.writeString(labs.resolve("drawn/lab.yaml"), """
                title: Fails on some variants
                protocol: flooding
                variables:
                  v: {between: [1, 2], default: 1}
                scenario:
                  params: {n: 3, f: 1, values: ["${v}", "${v}", "${v}"]}
                exercises:
                  - id: decisions
                    type: table
                    title: Who decides what
                    prompt: Enter each process's decision.
                    points: 1
                    answer: {key: flooding.decisions}
                    wrong:
                      - cells: {"P1/value": "2", "P2/value": "2", "P3/value": "2"}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int failed = new LabValidator(new PrintStream(out, true, StandardCharsets.UTF_8), Protocols.registry()).validate(labs, 10);

        assertThat(failed).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("drawn/lab\\.yaml:15: exercises\\[0]\\.wrong\\[0]: this wrong answer scores full marks \\(variant of student \\d+\\)")
                .contains("FAIL drawn");
    }

    @Test
    void aBrokenLabIsReportedWithItsLine() throws IOException {
        Files.createDirectories(labs.resolve("broken"));
        Files.writeString(labs.resolve("broken/lab.yaml"), "title: Broken\nprotocol: nope\nscenario: {}\nexercises: []\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int failed = new LabValidator(new PrintStream(out, true, StandardCharsets.UTF_8), Protocols.registry()).validate(labs, 3);

        assertThat(failed).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("broken/lab.yaml:4: exercises").contains("FAIL broken")
                .contains("0 of 1 labs are valid.");
    }
}
