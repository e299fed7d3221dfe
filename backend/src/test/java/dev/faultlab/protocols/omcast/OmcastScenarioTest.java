package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.omcast.OmcastRuns.delivered;
import static dev.faultlab.protocols.omcast.OmcastRuns.dump;
import static dev.faultlab.protocols.omcast.OmcastRuns.lectureFigure;
import static dev.faultlab.protocols.omcast.OmcastRuns.params;
import static dev.faultlab.protocols.omcast.OmcastRuns.run;
import static dev.faultlab.protocols.omcast.OmcastRuns.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The lecture's runs, step by step: the vector timestamps of its figure, and a crash that stops total order. */
class OmcastScenarioTest {

    @Test
    void theLectureFigureHoldsM2BackAtP1UntilM1ArrivesWithTheSlidesTimestamps() {
        Simulation sim = run(lectureFigure("causal"));

        assertThat(delivered(sim, 3)).as(dump(sim)).containsExactly(
                List.of("m1 (0,1,0)", "m2 (0,1,1)"),
                List.of("m1 (0,1,0)", "m2 (0,1,1)"),
                List.of("m1 (0,1,0)", "m2 (0,1,1)"));
        assertThat(sim.trace().events()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.STATE);
            assertThat(e.node()).isZero();
            assertThat(String.valueOf(e.payload())).startsWith("holds back m2").contains("stamped (0,1,1) at (0,0,0)");
        });
        assertThat(sim.properties()).allSatisfy(p -> assertThat(p.now().status()).as(p.property()).isEqualTo(PropertyStatus.Status.HOLDS));
    }

    @Test
    void fifoOnlyDeliversM2BeforeM1AtP1AndTheCausalMonitorNamesBothEvents() {
        Simulation sim = run(lectureFigure("fifo"));

        assertThat(delivered(sim, 3).get(0)).containsExactly("m2 #1", "m1 #1");
        PropertyStatus.Change causal = status(sim, CausalOrder.NAME);
        assertThat(causal.status()).isEqualTo(PropertyStatus.Status.VIOLATED);
        assertThat(causal.violation().explanation()).isEqualTo("P1 delivered m2 without having delivered m1, though m1 happened before m2: P3 knew m1 (#"
                + causal.violation().witnesses().get(0) + ") before multicasting m2 (the fifo ordering does not promise causal order)");
        assertThat(causal.violation().witnesses()).hasSize(2).allSatisfy(w -> assertThat(sim.trace().event(w).kind()).isEqualTo(EventKind.OUTPUT));
        assertThat(sim.trace().event(causal.violation().witnesses().get(0)).node()).isEqualTo(2);
        assertThat(sim.trace().event(causal.violation().witnesses().get(1)).node()).isZero();
        assertThat(status(sim, FifoOrder.NAME).status()).isEqualTo(PropertyStatus.Status.HOLDS);
    }

    @Test
    void everyTotalOrderingDeliversOneOrderEverywhere() {
        for (Ordering ordering : Ordering.values()) {
            if (!ordering.total()) {
                continue;
            }
            Recipe recipe = Recipe.of(OrderedMulticast.ID, params("n", 4, "ordering", ordering.id(), "count", 3, "spread", 30), 5);
            Simulation sim = run(recipe);
            List<List<String>> orders = delivered(sim, 4).stream().map(l -> l.stream().map(s -> s.split(" ")[0]).toList()).toList();
            assertThat(orders.get(0)).as(ordering.id() + "\n" + dump(sim)).hasSize(12);
            assertThat(orders).as(ordering.id()).allSatisfy(order -> assertThat(order).isEqualTo(orders.get(0)));
            assertThat(status(sim, TotalOrder.NAME).status()).as(ordering.id()).isEqualTo(PropertyStatus.Status.HOLDS);
            assertThat(status(sim, AllDelivered.NAME).status()).as(ordering.id()).isEqualTo(PropertyStatus.Status.HOLDS);
        }
    }

    @Test
    void aCrashedSequencerBlocksDeliveryForEverAndTheMonitorSaysWhy() {
        Recipe recipe = Recipe.of(OrderedMulticast.ID, params("n", 3, "ordering", "sequencer",
                "multicasts", List.of(List.of(0, 0), List.of(1, 20))), 1).withFaults(List.of(Fault.at(10, FaultKind.CRASH, 3)));
        Simulation sim = run(recipe);

        assertThat(delivered(sim, 3)).allSatisfy(d -> assertThat(d).containsExactly("m1 #1"));
        PropertyStatus.Change delivery = status(sim, AllDelivered.NAME);
        assertThat(delivery.status()).isEqualTo(PropertyStatus.Status.VIOLATED);
        assertThat(delivery.violation().explanation()).startsWith("m2 (P2.1) was never delivered at P1, P2 and P3")
                .contains("P4 crashed, and with it the sequencer").contains("Total order cannot be promised in an asynchronous system");
    }

    @Test
    void isisAndLamportWaitForEveryMemberSoOneCrashStopsThem() {
        for (String ordering : List.of("isis", "lamport")) {
            Recipe recipe = Recipe.of(OrderedMulticast.ID, params("n", 3, "ordering", ordering,
                    "multicasts", List.of(List.of(0, 20))), 1).withFaults(List.of(Fault.at(10, FaultKind.CRASH, 2)));
            Simulation sim = run(recipe);
            assertThat(delivered(sim, 2)).as(ordering).allSatisfy(d -> assertThat(d).isEmpty());
            assertThat(status(sim, AllDelivered.NAME).violation().explanation()).as(ordering)
                    .contains("P3 crashed and never answers").contains("it waits in the hold-back queue of P1 and P2");
        }
    }

    @Test
    void theTokenHolderCrashingTakesThePrivilegeAlong() {
        Recipe recipe = Recipe.of(OrderedMulticast.ID, params("n", 3, "ordering", "privilege", "tokenHold", 5,
                "multicasts", List.of(List.of(2, 30))), 1).withFaults(List.of(Fault.at(6, FaultKind.CRASH, 1, Map.of())));
        Simulation sim = run(recipe);
        assertThat(delivered(sim, 3).get(2)).isEmpty();
        assertThat(status(sim, AllDelivered.NAME).violation().explanation())
                .isEqualTo("m1 was never sent: it waits at P3 for the token: P2 crashed, and with it the token that numbers messages. "
                        + "Total order cannot be promised in an asynchronous system where one process may crash: nobody can tell a "
                        + "crashed process from a slow one, so the others wait for ever");
    }
}
