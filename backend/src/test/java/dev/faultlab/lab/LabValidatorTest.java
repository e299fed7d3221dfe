package dev.faultlab.lab;

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

        int failed = new LabValidator(new PrintStream(out, true, StandardCharsets.UTF_8)).validate(Path.of("..", "labs"), 10);

        assertThat(failed).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok   byzantine-generals").contains("ok   raft").contains("5 of 5 labs are valid.");
    }

    @Test
    void aBrokenLabIsReportedWithItsLine() throws IOException {
        Files.createDirectories(labs.resolve("broken"));
        Files.writeString(labs.resolve("broken/lab.yaml"), "title: Broken\nprotocol: nope\nscenario: {}\nexercises: []\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int failed = new LabValidator(new PrintStream(out, true, StandardCharsets.UTF_8)).validate(labs, 3);

        assertThat(failed).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("broken/lab.yaml:4: exercises").contains("FAIL broken")
                .contains("0 of 1 labs are valid.");
    }
}
