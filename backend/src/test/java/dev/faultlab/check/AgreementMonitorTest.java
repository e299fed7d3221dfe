package dev.faultlab.check;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The agreement monitor, fed one event at a time, turns false at the exact decision that breaks agreement. */
class AgreementMonitorTest {
    /** Flooding with f rounds too few: P2 decides 0, P3 decides 3 (see FloodingConsensusTest). */
    private static final Recipe BROKEN = Recipe.of("flooding", Map.of("n", 4, "f", 2, "rounds", 2, "values", List.of(3, 0, 5, 7)), 1)
            .withFaults(List.of(Fault.at(0, FaultKind.CRASH, 1, Map.of("afterSends", 1)),
                    Fault.at(Simulation.ROUND_TICKS, FaultKind.CRASH, 0, Map.of("afterSends", 2))));

    @Test
    void followingALiveRunItTurnsFalseAtTheDecisionThatDisagreesWithItsWitnesses() {
        Simulation live = Simulation.start(BROKEN, Protocols.registry());
        Monitor monitor = new AgreementMonitor(FailureModel.CRASH_STOP);
        int fedUpTo = 0;
        Integer turnedFalseAt = null;
        while (live.step()) {
            for (; fedUpTo < live.trace().size(); fedUpTo++) {
                monitor.onEvent(live.trace().event(fedUpTo));
            }
            if (turnedFalseAt == null && monitor.violation() != null) {
                turnedFalseAt = live.trace().size() - 1;
            }
        }

        Monitor.Violation violation = monitor.violation();
        assertThat(violation).isNotNull();
        assertThat(turnedFalseAt).isEqualTo(violation.at());
        assertThat(live.trace().event(violation.at()).kind()).isEqualTo(EventKind.DECIDE);
        assertThat(live.trace().event(violation.at()).node()).isEqualTo(3);
        assertThat(violation.explanation()).isEqualTo("P2 decided 0 but P3 decided 3");
        assertThat(violation.witnesses()).isEqualTo(Agreement.check(live).witnesses());
    }

    @Test
    void aRunThatAgreesNeverTurnsFalse() {
        Simulation run = Simulation.start(new Recipe("flooding", Map.of("n", 4, "f", 2, "values", List.of(3, 0, 5, 7)), 1,
                BROKEN.faults(), null, null), Protocols.registry());
        run.runToEnd();
        Monitor monitor = new AgreementMonitor(FailureModel.CRASH_STOP);
        run.trace().events().forEach(monitor::onEvent);

        assertThat(monitor.violation()).isNull();
        assertThat(Agreement.check(run).holds()).isTrue();
    }
}
