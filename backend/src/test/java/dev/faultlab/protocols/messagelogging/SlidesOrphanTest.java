package dev.faultlab.protocols.messagelogging;

import dev.faultlab.protocols.messagelogging.LoggingReading.Recovery;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.messagelogging.LoggingRuns.P;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.Q;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.R;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.REGISTRY;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.holds;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.notes;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.params;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.run;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.slides;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slides' orphan example step by step: Q (P2) delivers m1 and m2 from P (P1), m2 is never logged, Q sends m3 to
 * R (P3) after delivering both, R delivers m3, and Q crashes. Its recovery replays m1 only, so R is an orphan, named
 * by the monitor, and rolls back; logged pessimistically (or crashing after the log caught up) nobody is an orphan.
 */
class SlidesOrphanTest {
    @Test
    void optimisticReceiverBasedLoggingLosesM2AndMakesROrphanUntilItRollsBack() {
        Simulation run = run(slides(params("receiver", "optimistic"), 25));

        assertThat(notes(run, Q)).containsSubsequence("1 delivers m1: interval 1, value 1", "11 writes m1 to its stable log",
                "21 delivers m2: interval 2, value 3", "40 replays m1: interval 1, value 1",
                "40 recovered from checkpoint 0, replaying m1: kept interval 1 of incarnation 0");
        assertThat(notes(run, Q)).noneMatch(note -> note.contains("writes m2"));
        TraceEvent m3 = sendOf(run, "m3");
        assertThat(m3.node()).isEqualTo(Q);
        assertThat(m3.peer()).isEqualTo(R);
        assertThat(m3.time()).isEqualTo(21);
        assertThat(notes(run, R)).containsSubsequence("22 delivers m3: interval 1, value 6",
                "41 is an orphan: it depends on an interval that was lost; it rolls back",
                "41 rolled back from checkpoint 0, replaying nothing, skipping m3: kept interval 0 of incarnation 0");
        assertThat(notes(run, P)).noneMatch(note -> note.contains("orphan"));

        Monitor.Violation orphan = verdict(run, NoOrphans.NAME).violation();
        assertThat(orphan.explanation()).isEqualTo("P3 depends on interval 2 of P2 (incarnation 0), which P2 lost: it kept only up to interval 1");
        assertThat(orphan.witnesses()).contains(arrival(run, R, "m3"));
        assertThat(run.trace().event(orphan.at()).time()).isEqualTo(40);
        assertThat(holds(run, OrphansRolledBack.NAME)).isTrue();
        assertThat(run.monitors().get(1).holding()).isEqualTo("P3 was an orphan and rolled back");

        LoggingReading reading = LoggingReading.of(run.recipe(), REGISTRY);
        assertThat(reading.orphans()).containsExactly(R);
        assertThat(reading.crashRecoveries(Q)).extracting(Recovery::replayed).containsExactly(List.of("m1"));
        assertThat(reading.rolledBack(R)).isTrue();
        Map<String, Object> r = run.processes().get(R).state();
        assertThat(r.get("interval")).isEqualTo(0);
        assertThat(r.get("incarnation")).isEqualTo(1);
        assertThat(r.get("stableLog")).isEqualTo(List.of());
    }

    @Test
    void pessimisticReceiverBasedLoggingReplaysBothMessagesAndLeavesNoOrphan() {
        Simulation run = run(slides(params("receiver", "pessimistic"), 25));

        assertThat(notes(run, Q)).contains("40 recovered from checkpoint 0, replaying m1, m2: kept interval 2 of incarnation 0");
        assertThat(holds(run, NoOrphans.NAME)).isTrue();
        assertThat(holds(run, OrphansRolledBack.NAME)).isTrue();
        assertThat(run.processes().get(R).state().get("interval")).isEqualTo(1);
        assertThat(run.trace().events().stream().filter(e -> e.kind() == EventKind.SEND && e.payload() instanceof AppMessage m
                && m.name().equals("m3"))).hasSize(1);
    }

    @Test
    void aCrashAfterTheLogCaughtUpLosesNothingEvenOptimistically() {
        Simulation run = run(slides(params("receiver", "optimistic"), 35));

        assertThat(notes(run, Q)).contains("31 writes m2 to its stable log",
                "40 recovered from checkpoint 0, replaying m1, m2: kept interval 2 of incarnation 0");
        assertThat(holds(run, NoOrphans.NAME)).isTrue();
    }

    @Test
    void withRollingBackSwitchedOffTheOrphanSurvivesAndIsNamedAtTheEnd() {
        Map<String, Object> params = params("receiver", "optimistic");
        params.put("rollback", false);
        Simulation run = run(slides(params, 25));

        assertThat(notes(run, R)).contains("41 is an orphan, and rolling back is switched off: it carries on");
        PropertyStatus.Change end = verdict(run, OrphansRolledBack.NAME);
        assertThat(end.status()).isEqualTo(PropertyStatus.Status.VIOLATED);
        assertThat(end.violation().explanation()).isEqualTo("still an orphan at the end: P3 depends on interval 2 of P2 "
                + "(incarnation 0), which P2 lost: it kept only up to interval 1");
        assertThat(end.violation().witnesses()).contains(arrival(run, R, "m3"));
    }

    @Test
    void pessimisticSenderBasedLoggingGetsBothMessagesBackFromP() {
        Simulation run = run(slides(params("sender", "pessimistic"), 25));

        assertThat(notes(run, Q)).containsSubsequence("40 restores its checkpoint and asks every sender for the messages it logged",
                "42 replays m1: interval 1, value 1", "42 replays m2: interval 2, value 3",
                "42 recovered from checkpoint 0, replaying m1, m2: kept interval 2 of incarnation 0");
        assertThat(holds(run, NoOrphans.NAME)).isTrue();
        assertThat(run.processes().get(P).stable().get(LoggingProcess.LOG)).asList().hasSize(2);
    }

    @Test
    void optimisticSenderBasedLoggingLosesM2WhenPCrashesBeforeWritingItAndThenQCrashes() {
        Recipe recipe = Recipe.of(MessageLogging.ID, params("sender", "optimistic"), 1).withFaults(List.of(
                Fault.at(23, FaultKind.CRASH, P), Fault.at(24, FaultKind.RECOVER, P),
                Fault.at(25, FaultKind.CRASH, Q), Fault.at(40, FaultKind.RECOVER, Q)));
        Simulation run = run(recipe);

        assertThat(notes(run, Q)).contains("42 recovered from checkpoint 0, replaying m1: kept interval 1 of incarnation 0");
        assertThat(verdict(run, NoOrphans.NAME).violation().explanation()).startsWith("P3 depends on interval 2 of P2");
        assertThat(holds(run, OrphansRolledBack.NAME)).isTrue();
    }

    private static TraceEvent sendOf(Simulation run, String name) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.SEND && e.payload() instanceof AppMessage m
                && m.name().equals(name)).findFirst().orElseThrow();
    }

    /** The event where {@code name} reaches {@code node}: the orphan's state depends on the lost interval from there. */
    private static int arrival(Simulation run, int node, String name) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.DELIVER && e.node() == node
                && e.payload() instanceof AppMessage m && m.name().equals(name)).findFirst().orElseThrow().seq();
    }
}
