package dev.faultlab.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure-detector lab graded with answers worked out here by the rules the slides state (suspect after the
 * timeout, trust and raise the timeout by 10 on a late heartbeat), for several students' variants.
 */
class FailureDetectorLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceGrading GRADING = new ReferenceGrading(Protocols.registry());
    private static final Lab LAB = new LabCatalog(Path.of("..", "labs"), GRADING, Clock.systemUTC()).lab("failure-detectors").orElseThrow();

    /** What the slides' rules give for a variant: P2 slowed {@code slowdown} times from t=45 to 165, P4 crashed at {@code crash}. */
    private record Worked(int falseSuspicions, int timeout, long firstSuspicion) {
        static Worked of(int slowdown, long crash) {
            // P2's heartbeats arrive 10 * slowdown apart; each observer errs while its timeout (25, 35, ...) is shorter.
            int perObserver = 0;
            while (25 + 10 * perObserver < 10 * slowdown) {
                perObserver++;
            }
            // P4's last heartbeat goes out at the last multiple of 10 before its crash, arrives a tick later; P1 waits 25 more.
            long lastSent = (crash - 1) / 10 * 10;
            return new Worked(3 * perObserver, 25 + 10 * perObserver, lastSent + 1 + 25);
        }
    }

    private static Grade grade(VariantKey key, String exercise, double value) throws InvalidAnswer {
        return GRADING.grade(LAB, key, exercise, 0, JSON.valueToTree(Map.of("value", value)), Map.of());
    }

    @Test
    void everyStudentsVariantIsGradedByTheSlidesRules() throws InvalidAnswer {
        for (long student = 1; student <= 6; student++) {
            VariantKey key = new VariantKey(1, student, LAB.id());
            Recipe recipe = GRADING.recipe(LAB, key);
            Fault timing = recipe.faults().stream().filter(f -> f.kind() == FaultKind.TIMING).findFirst().orElseThrow();
            Fault crash = recipe.faults().stream().filter(f -> f.kind() == FaultKind.CRASH).findFirst().orElseThrow();
            Worked worked = Worked.of(((Number) timing.params().get("timerFactor")).intValue(), crash.at());

            assertThat(grade(key, "false-suspicions", worked.falseSuspicions()).score()).as("student %d: %s", student, worked).isEqualTo(1.0);
            assertThat(grade(key, "false-suspicions", worked.falseSuspicions() + 3).score()).isZero();
            assertThat(grade(key, "timeout-after", worked.timeout()).score()).as("student %d: %s", student, worked).isEqualTo(1.0);
            assertThat(grade(key, "timeout-after", 25).score()).isZero();
            assertThat(grade(key, "crash-suspected", worked.firstSuspicion()).score()).as("student %d: %s", student, worked).isEqualTo(1.0);
            assertThat(grade(key, "crash-suspected", crash.at()).score()).isZero();
        }
    }
}
