package dev.faultlab.protocols.failuredetector;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.failuredetector.DetectorRuns.dump;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.params;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.recipe;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.verdict;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.watched;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the model (partial synchrony: timing and omission faults that end, so a GST, and a network whose delays
 * vary by less than the timeout's margin over the period): every crash is suspected by every correct process,
 * and from GST + settle on nobody suspects a process that is up. Outside it (a fixed timeout with a process slow
 * for good, or a network jitter the fixed timeout does not cover) the monitors report the mistakes.
 */
class FailureDetectorProperties {
    private static final int RUN_FOR = 600;
    /** Timing and omission faults all end by then, so GST is at most this. */
    private static final int LAST_GST = 300;

    @Property(tries = 60)
    void everyCrashIsSuspectedByAllAndAfterGstNobodyAliveIs(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                         @ForAll @IntRange(min = 2, max = 6) int n,
                                                         @ForAll @IntRange(min = 0, max = 4) int faults) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < faults; i++) {
            plan.add(partiallySynchronous(random, n));
        }
        long jitter = random.nextInt(0, 6);
        Recipe recipe = recipe(params("n", n, "runFor", RUN_FOR), seed, plan)
                .withNetwork(new NetworkSpec(Delay.uniform(1, 1 + jitter), 0, 0, random.nextBoolean()));

        Simulation run = watched(recipe);

        for (String property : List.of(Completeness.NAME, EventualAccuracy.NAME)) {
            Verdict verdict = verdict(run, property);
            assertThat(verdict.holds()).as(() -> verdict.explanation() + "\n" + dump(run)).isTrue();
        }
        assertThat(verdict(run, EventualAccuracy.NAME).explanation()).startsWith("GST is t=");
    }

    private static Fault partiallySynchronous(SplittableRandom random, int n) {
        int target = random.nextInt(n);
        long at = random.nextInt(0, 200);
        return switch (random.nextInt(3)) {
            case 0 -> Fault.at(at, FaultKind.CRASH, target);
            case 1 -> Fault.at(at, FaultKind.TIMING, target, Map.of("timerFactor", random.nextInt(1, 6), "extraDelay", random.nextInt(0, 40),
                    "duration", random.nextInt(1, (int) (LAST_GST - at))));
            default -> Fault.at(at, random.nextBoolean() ? FaultKind.SEND_OMISSION : FaultKind.RECEIVE_OMISSION, target,
                    Map.of("probability", 1.0, "duration", random.nextInt(1, (int) (LAST_GST - at))));
        };
    }

    @Property(tries = 25)
    void withAFixedTimeoutAProcessSlowForGoodIsFalselySuspectedUntilTheVeryEnd(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                              @ForAll @IntRange(min = 2, max = 6) int n,
                                                                              @ForAll @IntRange(min = 3, max = 8) int slowdown) {
        int slow = (int) (seed % n);
        Recipe recipe = recipe(params("n", n, "increase", 0, "runFor", RUN_FOR), seed,
                List.of(Fault.at(seed % 50, FaultKind.TIMING, slow, Map.of("timerFactor", slowdown))));

        Simulation run = watched(recipe);

        List<Suspicion> lastQuarter = Timeline.of(FailureDetector.config(recipe), run.trace().events()).suspicions().stream()
                .filter(s -> s.time() > RUN_FOR * 3 / 4).toList();
        assertThat(lastQuarter).as(() -> dump(run)).isNotEmpty().allMatch(Suspicion::falseSuspicion)
                .allMatch(s -> s.suspected() == slow);
        assertThat(verdict(run, FalseSuspicions.NAME).explanation()).contains("false suspicion");
        assertThat(verdict(run, EventualAccuracy.NAME).explanation()).contains("no GST yet");
    }

    @Property(tries = 25)
    void aFixedTimeoutInsideTheNetworksJitterBreaksEventualAccuracy(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                   @ForAll @IntRange(min = 2, max = 6) int n,
                                                                   @ForAll @IntRange(min = 11, max = 18) int timeout) {
        Recipe recipe = recipe(params("n", n, "timeout", timeout, "increase", 0, "runFor", RUN_FOR), seed, List.of())
                .withNetwork(new NetworkSpec(Delay.uniform(1, 30), 0, 0, false));

        Simulation run = watched(recipe);

        Verdict accuracy = verdict(run, EventualAccuracy.NAME);
        assertThat(accuracy.holds()).as(() -> dump(run)).isFalse();
        assertThat(accuracy.explanation()).matches("P\\d+ suspects P\\d+ at t=\\d+ though P\\d+ is up and the run has been synchronous "
                + "since GST t=0, more than 200 ticks");
        assertThat(accuracy.witnesses()).isNotEmpty();
    }
}
