package dev.faultlab.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message-logging lab graded with answers worked out as the slides reason, never read from the keys: m2
 * reaches Q's stable storage at t=31, so a crash before that loses m2, Q replays m1 only, and R (which acted on
 * m3, sent after m2) is the one orphan and rolls back; a crash after it loses nothing. Pessimistic logging never
 * leaves an orphan. The lab also passes its self-tests over many drawn variants.
 */
class MessageLoggingLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceGrading GRADING = new ReferenceGrading(Protocols.registry());
    private static final Lab LAB = new LabCatalog(Path.of("..", "labs"), GRADING, Clock.systemUTC()).lab("message-logging").orElseThrow();
    /** When Q writes m2 to stable storage: it arrives at t=21, and the log is written 10 ticks later. */
    private static final long M2_STABLE = 31;

    @TempDir
    Path labs;

    private static Grade grade(VariantKey key, String exercise, Object answer) throws InvalidAnswer {
        return GRADING.grade(LAB, key, exercise, 0, JSON.valueToTree(answer), Map.of());
    }

    @Test
    void everyStudentsCrashGetsTheAnswersTheSlidesReasoningGives() throws InvalidAnswer {
        Set<Boolean> seen = new HashSet<>();
        for (long student = 1; student <= 14; student++) {
            VariantKey key = new VariantKey(1, student, LAB.id());
            Recipe scenario = GRADING.recipe(LAB, key);
            long crashAt = scenario.faults().stream().filter(f -> f.kind().name().equals("CRASH")).map(Fault::at).findFirst().orElseThrow();
            boolean lost = crashAt < M2_STABLE;
            seen.add(lost);
            String yesIfLost = lost ? "yes" : "no";

            Grade replayed = grade(key, "replayed", Map.of("cells", Map.of("m1/replayed", "yes", "m2/replayed", lost ? "no" : "yes")));
            assertThat(replayed.score()).as("crash at " + crashAt + ": " + replayed.feedback()).isEqualTo(1.0);
            Grade orphans = grade(key, "orphans", Map.of("cells", Map.of("orphan/P1", "no", "orphan/P2", "no", "orphan/P3", yesIfLost)));
            assertThat(orphans.score()).as("crash at " + crashAt + ": " + orphans.feedback()).isEqualTo(1.0);
            assertThat(grade(key, "why", Map.of("choices", List.of(lost ? "lost-dependency" : "unaffected"))).score()).isEqualTo(1.0);
            assertThat(grade(key, "pessimistic", Map.of("choices", List.of("none"))).score()).isEqualTo(1.0);

            assertThat(grade(key, "orphans", Map.of("cells", Map.of("orphan/P1", "no", "orphan/P2", "no", "orphan/P3", lost ? "no" : "yes")))
                    .score()).isLessThan(1.0);
        }
        assertThat(seen).as("some students crash Q before m2 is logged, some after").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void theLabPassesItsSelfTestsOverManyVariants() throws IOException {
        Path copy = Files.createDirectories(labs.resolve("message-logging"));
        for (String file : List.of("lab.yaml", "instructions.md")) {
            Files.copy(Path.of("..", "labs", "message-logging", file), copy.resolve(file));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int failed = new LabValidator(new PrintStream(out, true, StandardCharsets.UTF_8), Protocols.registry()).validate(labs, 20);

        assertThat(failed).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok   message-logging");
    }
}
