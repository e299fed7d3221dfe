package dev.faultlab.check;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.States;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The agreement monitor, fed one event at a time, turns false at the exact decision that breaks agreement. */
class AgreementMonitorTest {
    /** Flooding with f rounds too few: P3 decides 0, P4 decides 3 (see FloodingConsensusTest). */
    static final Recipe BROKEN = Recipe.of("flooding", Map.of("n", 4, "f", 2, "rounds", 2, "values", List.of(3, 0, 5, 7)), 1)
            .withFaults(List.of(Fault.at(0, FaultKind.CRASH, 1, Map.of("afterSends", 1)),
                    Fault.at(Simulation.ROUND_TICKS, FaultKind.CRASH, 0, Map.of("afterSends", 2))));

    @Test
    void followingALiveRunItTurnsFalseAtTheDecisionThatDisagreesWithItsWitnesses() {
        Simulation live = Simulation.start(BROKEN, Protocols.registry(), (protocol, params, recipe) ->
                List.of(new AgreementMonitor(FailureModel.CRASH_STOP)));
        Integer turnedFalseAt = null;
        while (live.step()) {
            PropertyStatus.Change now = live.properties().get(0).now();
            if (turnedFalseAt == null && now.status() == PropertyStatus.Status.VIOLATED) {
                turnedFalseAt = live.trace().size() - 1;
            }
        }

        Monitor.Violation violation = live.monitors().get(0).violation();
        assertThat(violation).isNotNull();
        assertThat(turnedFalseAt).isEqualTo(violation.at());
        assertThat(live.trace().event(violation.at()).kind()).isEqualTo(EventKind.DECIDE);
        assertThat(live.trace().event(violation.at()).node()).isEqualTo(3);
        assertThat(violation.explanation()).isEqualTo("P3 decided 0 but P4 decided 3");
        assertThat(live.trace().event(violation.witnesses().get(0)).node()).isEqualTo(2);
        assertThat(violation.witnesses()).isEqualTo(Agreement.check(live).witnesses());
    }

    @Test
    void aRunThatAgreesNeverTurnsFalse() {
        Simulation run = Simulation.start(new Recipe("flooding", Map.of("n", 4, "f", 2, "values", List.of(3, 0, 5, 7)), 1,
                BROKEN.faults(), null, null), Protocols.registry(), MonitorSource.PROTOCOL);
        run.runToEnd();

        assertThat(run.properties()).allSatisfy(p -> assertThat(p.changes()).extracting(PropertyStatus.Change::status)
                .doesNotContain(PropertyStatus.Status.VIOLATED));
        assertThat(Agreement.check(run).holds()).isTrue();
    }

    @Test
    void aDisagreementIsWithdrawnWhenOneOfItsProcessesTurnsFaulty() {
        Monitor monitor = new AgreementMonitor(FailureModel.CRASH_STOP);
        Simulation run = Simulation.start(BROKEN, Protocols.registry());
        run.runToEnd();
        int disagreement = Agreement.check(run).witnesses().get(1);
        for (int seq = 0; seq <= disagreement; seq++) {
            monitor.onEvent(run.trace().event(seq), States.NONE);
        }
        assertThat(monitor.violation()).isNotNull();

        int node = run.trace().event(disagreement).node();
        monitor.onEvent(new dev.faultlab.sim.TraceEvent(disagreement + 1, run.trace().time(disagreement), EventKind.FAULT, node,
                -1, -1, -1, 0, -1, Fault.at(run.trace().time(disagreement), FaultKind.SEND_OMISSION, node), null), States.NONE);

        assertThat(monitor.violation()).isNull();
        assertThat(monitor.holding()).isEqualTo("every correct process that decided chose 0");
    }
}
