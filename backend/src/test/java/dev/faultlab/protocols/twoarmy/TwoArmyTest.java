package dev.faultlab.protocols.twoarmy;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-army problem step by step, as the lecture tells it: Sparta sends "attack at noon", Carthage acknowledges,
 * Sparta acknowledges the acknowledgement, one messenger per round; at noon each general attacks only if every
 * messenger meant for it arrived. Nothing lost: both attack. The last messenger caught: its sender attacks alone.
 */
class TwoArmyTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Simulation run(Recipe recipe) {
        return TwoArmyRuns.played(REGISTRY, recipe);
    }

    private static List<TraceEvent> of(Simulation run, EventKind kind) {
        return run.trace().events().stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void withNothingLostTheMessengersAlternateOnePerRoundAndBothGeneralsAttack() {
        Simulation run = run(Recipe.of(TwoArmy.ID, Map.of("k", 3), 1));

        List<TraceEvent> sends = of(run, EventKind.SEND);
        assertThat(sends).extracting(e -> ((Messenger) e.payload()).number()).containsExactly(1, 2, 3);
        assertThat(sends).extracting(TraceEvent::node).containsExactly(0, 1, 0);
        assertThat(sends).extracting(TraceEvent::round).containsExactly(1, 2, 3);
        assertThat(sends).extracting(e -> ((Messenger) e.payload()).type()).containsExactly("ATTACK_AT_NOON", "ACK", "ACK");
        assertThat(run.decisions()).containsEntry(0, "attack").containsEntry(1, "attack");
        assertThat(TwoArmyRuns.broken(run)).isEmpty();
        assertThat(run.roles()).containsExactly("sparta", "carthage");
    }

    @Test
    void catchingTheLastMessengerLeavesItsSenderAttackingAloneAndTheMonitorNamesIt() {
        Simulation run = TwoArmyRuns.losing(REGISTRY, Recipe.of(TwoArmy.ID, Map.of("k", 3), 1), 3);

        assertThat(run.decisions()).containsEntry(0, "attack").containsEntry(1, "retreat");
        assertThat(TwoArmyRuns.outcome(run)).isEqualTo(TwoArmyRuns.Outcome.SPARTA_ALONE);
        Monitor.Violation violation = TwoArmyRuns.broken(run).orElseThrow().violation();
        assertThat(violation.property()).isEqualTo(CoordinatedAttack.NAME);
        assertThat(violation.explanation())
                .isEqualTo("Sparta (P1) attacks alone: Carthage (P2) retreats, after message 3 (ack of 2) never arrived");
        List<Integer> decisions = of(run, EventKind.DECIDE).stream().map(TraceEvent::seq).toList();
        int drop = of(run, EventKind.DROP).get(0).seq();
        assertThat(violation.witnesses()).containsExactlyInAnyOrder(decisions.get(0), decisions.get(1), drop);
    }

    @Test
    void catchingAnEarlierMessengerStopsTheExchangeAndNeitherAttacks() {
        for (int lost = 1; lost < 4; lost++) {
            Simulation run = TwoArmyRuns.losing(REGISTRY, Recipe.of(TwoArmy.ID, Map.of("k", 4), 1), lost);

            assertThat(of(run, EventKind.SEND)).hasSize(lost);
            assertThat(TwoArmyRuns.outcome(run)).as("messenger %d caught", lost).isEqualTo(TwoArmyRuns.Outcome.NEITHER_ATTACKS);
        }
    }

    @Test
    void withOneMessageTheUnacknowledgedOrderLeavesSpartaAloneWhenLostAndCarthageAloneWhenTheLastOfTwoIs() {
        assertThat(TwoArmyRuns.outcome(TwoArmyRuns.losing(REGISTRY, Recipe.of(TwoArmy.ID, Map.of("k", 1), 1), 1)))
                .isEqualTo(TwoArmyRuns.Outcome.SPARTA_ALONE);
        assertThat(TwoArmyRuns.outcome(TwoArmyRuns.losing(REGISTRY, Recipe.of(TwoArmy.ID, Map.of("k", 2), 1), 2)))
                .isEqualTo(TwoArmyRuns.Outcome.CARTHAGE_ALONE);
    }

    @Test
    void droppingTheLastMessengerByHandWhileItIsOnItsWayBreaksAgreementLive() {
        Simulation run = Simulation.start(Recipe.of(TwoArmy.ID, Map.of("k", 2), 1), REGISTRY, MonitorSource.PROTOCOL);
        while (of(run, EventKind.SEND).size() < 2) {
            run.step();
        }
        int last = of(run, EventKind.SEND).get(1).message();
        run.inject(new Fault(null, null, FaultKind.DROP, null, Map.of("message", last)));
        run.runToEnd();

        assertThat(of(run, EventKind.DROP)).singleElement().extracting(TraceEvent::detail).isEqualTo("dropped by hand");
        assertThat(TwoArmyRuns.broken(run).orElseThrow().violation().explanation()).startsWith("Carthage (P2) attacks alone");
    }

    @Test
    void theGeneralsStateShowsEveryMessageOfTheProtocolWithItsWay() {
        Simulation run = run(Recipe.of(TwoArmy.ID, Map.of("k", 2), 1));

        assertThat(run.processes().get(0).state()).containsEntry("awaits", List.of(2)).containsEntry("decision", "attack")
                .containsEntry("sent", List.of(1)).containsEntry("received", List.of(2));
    }
}
