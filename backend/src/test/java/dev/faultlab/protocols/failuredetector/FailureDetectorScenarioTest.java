package dev.faultlab.protocols.failuredetector;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.failuredetector.DetectorRuns.dump;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.falseSuspicions;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.outputs;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.params;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.recipe;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.verdict;
import static dev.faultlab.protocols.failuredetector.DetectorRuns.watched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slides' failure detector step by step, on three processes: heartbeats every 10 ticks, timeout 25, +10 per late heartbeat. */
class FailureDetectorScenarioTest {
    private static final Map<String, Object> THREE = params("n", 3, "runFor", 200);
    /** P3's timers run four times slower from t=45 to t=145: a heartbeat every 40 ticks instead of 10. */
    private static final Fault SLOW_P3 = Fault.at(45, FaultKind.TIMING, 2, Map.of("timerFactor", 4, "duration", 100));
    /** P3 crashes just after its heartbeat of t=50 went out. */
    private static final Fault CRASH_P3 = Fault.at(52, FaultKind.CRASH, 2);

    @Test
    void isRegistered() {
        assertThat(Protocols.registry().find(FailureDetector.ID)).isPresent();
    }

    @Test
    void withoutFaultsNobodyIsEverSuspected() {
        Simulation run = watched(recipe(THREE, 1, List.of()));

        assertThat(outputs(run)).isEmpty();
        assertThat(run.trace().events().stream().filter(e -> e.kind() == EventKind.SEND)).hasSize(3 * 2 * 21);
        assertThat(verdict(run, Completeness.NAME).holds()).isTrue();
        assertThat(falseSuspicions(run)).isZero();
    }

    @Test
    void aCrashedProcessIsSuspectedByEveryCorrectOneOnceItsTimeoutRunsOutAndStaysSuspected() {
        Simulation run = watched(recipe(THREE, 1, List.of(CRASH_P3)));

        // P3's last heartbeat (sent at t=50) arrived at t=51; 25 ticks of silence later both suspect it, for good.
        assertThat(outputs(run)).containsExactly("P1 suspects P3 at t=76", "P2 suspects P3 at t=76");
        assertThat(DetectorRuns.notes(run, 0)).contains("suspects P3: no heartbeat for 25 ticks (since t=51)");
        PropertyStatus completeness = run.properties().get(0);
        assertThat(completeness.property()).isEqualTo(Completeness.NAME);
        assertThat(completeness.changes()).extracting(PropertyStatus.Change::status)
                .containsExactly(PropertyStatus.Status.PENDING, PropertyStatus.Status.HOLDS);
        assertThat(verdict(run, Completeness.NAME).explanation()).contains("every process that is up suspects P3");
        assertThat(falseSuspicions(run)).isZero();
    }

    @Test
    void aSlowProcessIsSuspectedThenTrustedAgainWithALongerTimeoutUntilItsHeartbeatsFitTheTimeout() {
        Simulation run = watched(recipe(THREE, 1, List.of(SLOW_P3)));

        // Heartbeats of P3 arrive at 51, 91, 131, 171: gaps of 40. Timeout 25 < 40: suspect at 76, trust at 91, timeout 35;
        // 35 < 40: suspect at 126, trust at 131, timeout 45; 45 > 40: no more mistakes.
        assertThat(outputs(run)).containsExactly(
                "P1 suspects P3 at t=76", "P2 suspects P3 at t=76", "P1 trusts P3 at t=91", "P2 trusts P3 at t=91",
                "P1 suspects P3 at t=126", "P2 suspects P3 at t=126", "P1 trusts P3 at t=131", "P2 trusts P3 at t=131");
        assertThat(DetectorRuns.notes(run, 0)).contains(
                "heartbeat 7 of P3 came late: it was slow, not crashed; trusts it again and raises its timeout 25 → 35",
                "heartbeat 8 of P3 came late: it was slow, not crashed; trusts it again and raises its timeout 35 → 45");
        assertThat(DetectorRuns.timeout(run, 0, 2)).isEqualTo(45);
        assertThat(DetectorRuns.timeout(run, 0, 1)).isEqualTo(25);
        assertThat(falseSuspicions(run)).isEqualTo(4);
        assertThat(verdict(run, FalseSuspicions.NAME).explanation())
                .isEqualTo("4 false suspicions, the first: P1 suspected P3 at t=76 though it had not crashed; the latest: P2 suspected P3 at t=126");
        assertThat(verdict(run, EventualAccuracy.NAME).holds()).isTrue();
        assertThat(verdict(run, Completeness.NAME).holds()).isTrue();
    }

    @Test
    void untilTheHeartbeatComesACrashAndASlowProcessLookExactlyTheSameToTheOthers() {
        Simulation crashed = watched(recipe(THREE, 1, List.of(Fault.at(52, FaultKind.CRASH, 2))));
        Simulation slow = watched(recipe(THREE, 1, List.of(Fault.at(45, FaultKind.TIMING, 2, Map.of("timerFactor", 4)))));

        // Both send a heartbeat at t=50; the slow one sends its next at t=90 (timer 40), the crashed one never.
        // What P1 sees (its deliveries, timers and outputs) is identical up to the moment the slow heartbeat arrives.
        assertThat(seenBy(crashed, 0, 90)).isEqualTo(seenBy(slow, 0, 90)).anyMatch(line -> line.contains("Suspect"));
        assertThat(seenBy(crashed, 0, 95)).isNotEqualTo(seenBy(slow, 0, 95));
    }

    private static List<String> seenBy(Simulation run, int node, long until) {
        return run.trace().events().stream().filter(e -> e.node() == node && e.time() <= until && e.kind() != EventKind.FAULT)
                .map(e -> e.time() + " " + e.kind() + " " + e.peer() + " " + e.payload()).toList();
    }

    @Test
    void aFixedTimeoutKeepsSuspectingAProcessThatStaysSlowForeverWhileALongerRunOnlyAddsMistakes() {
        Fault slowForever = Fault.at(45, FaultKind.TIMING, 2, Map.of("timerFactor", 4));
        Simulation shorter = watched(recipe(params("n", 3, "increase", 0, "runFor", 400), 1, List.of(slowForever)));
        Simulation longer = watched(recipe(params("n", 3, "increase", 0, "runFor", 800), 1, List.of(slowForever)));

        // Every 40-tick gap is longer than the fixed 25: each observer suspects P3 once per heartbeat of P3.
        assertThat(falseSuspicions(longer)).isGreaterThanOrEqualTo(2 * falseSuspicions(shorter) - 2);
        assertThat(falseSuspicions(shorter)).isGreaterThanOrEqualTo(16);
        assertThat(verdict(longer, EventualAccuracy.NAME).explanation()).contains("no GST yet");
        Simulation adaptive = watched(recipe(params("n", 3, "runFor", 800), 1, List.of(slowForever)));
        assertThat(falseSuspicions(adaptive)).isEqualTo(4);
    }

    @Test
    void aFixedTimeoutShorterThanTheNetworksJitterBreaksEventualAccuracyWhereALengtheningOneDoesNot() {
        NetworkSpec jittery = new NetworkSpec(Delay.uniform(1, 30), 0, 0, false);
        Recipe fixed = recipe(params("n", 3, "timeout", 15, "increase", 0, "runFor", 600, "settle", 200), 3, List.of()).withNetwork(jittery);
        Recipe adaptive = recipe(params("n", 3, "timeout", 15, "increase", 30, "runFor", 600, "settle", 200), 3, List.of()).withNetwork(jittery);

        Simulation fixedRun = watched(fixed);
        Simulation adaptiveRun = watched(adaptive);

        assertThat(verdict(fixedRun, EventualAccuracy.NAME).holds()).as(() -> dump(fixedRun)).isFalse();
        assertThat(verdict(fixedRun, EventualAccuracy.NAME).explanation())
                .contains("the run has been synchronous since GST t=0, more than 200 ticks");
        assertThat(verdict(adaptiveRun, EventualAccuracy.NAME).holds()).as(() -> dump(adaptiveRun)).isTrue();
        assertThat(falseSuspicions(adaptiveRun)).isPositive();
    }

    @Test
    void gstIsWhereTheLastTimingOrOmissionFaultEndsAndACutForGoodLeavesTheRunWithoutOne() {
        // P3's heartbeats are lost from t=30 to t=80: both others suspect it falsely, then trust it again.
        Simulation omission = watched(recipe(params("n", 3, "runFor", 300, "settle", 100), 1,
                List.of(Fault.at(30, FaultKind.SEND_OMISSION, 2, Map.of("probability", 1.0, "duration", 50)))));
        Simulation cut = watched(recipe(params("n", 3, "runFor", 300, "settle", 100), 1,
                List.of(Fault.at(30, FaultKind.LINK_DOWN, 2, Map.of("to", 0, "oneWay", true)))));

        assertThat(outputs(omission)).containsExactly("P1 suspects P3 at t=46", "P2 suspects P3 at t=46", "P1 trusts P3 at t=81", "P2 trusts P3 at t=81");
        assertThat(verdict(omission, EventualAccuracy.NAME).explanation()).isEqualTo("GST is t=80; from t=180 on, no process that is up has been suspected");
        assertThat(outputs(cut)).containsExactly("P1 suspects P3 at t=46");
        assertThat(verdict(cut, EventualAccuracy.NAME).explanation()).isEqualTo("no GST yet (the network is cut), so false suspicions are still allowed");
        assertThat(falseSuspicions(cut)).isEqualTo(1);
    }

    @Test
    void parametersAreCheckedWithTheFieldTheyConcern() {
        assertThatThrownBy(() -> Simulation.start(recipe(params("n", 3, "period", 0), 1, List.of()), Protocols.registry()))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.period");
        assertThatThrownBy(() -> Simulation.start(recipe(params("n", 1), 1, List.of()), Protocols.registry()))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.n");
    }
}
