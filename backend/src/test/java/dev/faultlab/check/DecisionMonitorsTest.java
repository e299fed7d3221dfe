package dev.faultlab.check;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Validity, unanimity and termination, fed events one at a time: each turns false at the exact event. */
class DecisionMonitorsTest {
    private int seq;

    private TraceEvent decide(Monitor monitor, int node, Object value) {
        return feed(monitor, new TraceEvent(seq, seq * 10L, EventKind.DECIDE, node, -1, -1, -1, 0, -1, value, null));
    }

    private TraceEvent crash(Monitor monitor, int node) {
        return feed(monitor, new TraceEvent(seq, seq * 10L, EventKind.FAULT, node, -1, -1, -1, 0, -1,
                Fault.at(seq * 10L, FaultKind.CRASH, node), null));
    }

    private TraceEvent end(Monitor monitor) {
        return feed(monitor, new TraceEvent(seq, seq * 10L, EventKind.END, -1, -1, -1, -1, 0, -1, "done", "completed"));
    }

    private TraceEvent feed(Monitor monitor, TraceEvent event) {
        monitor.onEvent(event, States.NONE);
        seq++;
        return event;
    }

    @Test
    void validityTurnsFalseAtTheDecisionOfAValueNoOneProposed() {
        Monitor validity = ValidityMonitor.ofInputs(FailureModel.CRASH_STOP, List.of(1, 2, 3));
        decide(validity, 0, 1);
        assertThat(validity.violation()).isNull();

        TraceEvent wrong = decide(validity, 1, 9);

        assertThat(validity.violation()).isEqualTo(new Monitor.Violation("validity", wrong.seq(),
                "P2 decided 9, which no process proposed (inputs [1, 2, 3])", List.of(wrong.seq())));
        crash(validity, 1);
        assertThat(validity.violation()).as("a faulty process is held to nothing").isNull();
    }

    @Test
    void unanimityTurnsFalseWhenCorrectProcessesAllStartedWithAValueAndOneDecidesAnother() {
        Monitor unanimity = new UnanimityMonitor(FailureModel.CRASH_STOP, List.of("ATTACK", "RETREAT", "ATTACK"));
        decide(unanimity, 0, "RETREAT");
        assertThat(unanimity.violation()).as("the inputs differ: any decision is valid").isNull();

        TraceEvent traitor = crash(unanimity, 1);

        assertThat(unanimity.violation()).isEqualTo(new Monitor.Violation("validity", 0,
                "every correct process started with ATTACK, but P1 decided RETREAT", List.of(0)));
        assertThat(traitor.seq()).isEqualTo(1);
    }

    @Test
    void terminationIsOpenUntilTheEndThenNamesTheCorrectProcessesThatNeverDecided() {
        Monitor termination = new TerminationMonitor(FailureModel.CRASH_STOP, 3, Long.MAX_VALUE);
        assertThat(termination.judgedAtEnd()).isTrue();
        decide(termination, 0, 1);
        crash(termination, 2);
        assertThat(termination.violation()).isNull();

        TraceEvent end = end(termination);

        assertThat(termination.violation()).isEqualTo(new Monitor.Violation("termination", end.seq(),
                "correct processes [P2] never decided", List.of(end.seq())));
    }

    @Test
    void terminationHoldsWhenEveryCorrectProcessDecidedInTime() {
        Monitor termination = new TerminationMonitor(FailureModel.CRASH_STOP, 2, 100);
        decide(termination, 0, 1);
        decide(termination, 1, 1);
        end(termination);

        assertThat(termination.violation()).isNull();
        assertThat(termination.holding()).isEqualTo("every correct process decided");
    }
}
