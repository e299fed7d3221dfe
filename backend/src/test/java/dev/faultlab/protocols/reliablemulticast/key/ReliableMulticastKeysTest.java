package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lab's keys on its default variant: P2 and P4 lose m2, P2 loses m3 too. */
class ReliableMulticastKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Reference reference(List<Fault> extra) {
        List<Fault> faults = new ArrayList<>();
        for (int[] loss : new int[][] {{4, 1}, {4, 3}, {6, 1}}) {
            Map<String, Object> link = Map.of("to", loss[1], "oneWay", true);
            faults.add(Fault.at(loss[0], FaultKind.LINK_DOWN, 0, link));
            faults.add(Fault.at(loss[0] + 1, FaultKind.LINK_UP, 0, link));
        }
        faults.addAll(extra);
        Recipe recipe = new Recipe(ReliableMulticast.ID, Map.of("n", 5, "messages", 4, "interval", 2, "variant", "nack",
                "runFor", 60), 1, faults, null, null, List.of());
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    @Test
    void eachReceiverGetsAgainWhatItLostAndAskedFor() {
        Grid grid = new RetransmissionsKey().expected(reference(List.of()), Map.of());

        assertThat(grid.values()).containsExactly(
                Map.entry("P2/retransmitted", "{2, 3}"), Map.entry("P2/NACKs", "1"),
                Map.entry("P3/retransmitted", "{}"), Map.entry("P3/NACKs", "0"),
                Map.entry("P4/retransmitted", "{2}"), Map.entry("P4/NACKs", "1"),
                Map.entry("P5/retransmitted", "{}"), Map.entry("P5/NACKs", "0"));
    }

    @Test
    void theChallengeIsMetByACrashOfTheSenderPartWayAndNotByACrashBeforeItSendsAnything() {
        AllOrNothingBrokenKey key = new AllOrNothingBrokenKey();
        List<Fault> plan = key.find(reference(List.of()), Set.of("CRASH"), 1, Map.of()).orElseThrow();

        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).target()).isEqualTo(0);
        assertThat(key.check(reference(plan).run(), REGISTRY, Map.of()).holds()).isTrue();
        assertThat(key.check(reference(List.of(Fault.at(0, FaultKind.CRASH, 0))).run(), REGISTRY, Map.of()).holds()).isFalse();
    }

    @Test
    void theFeedbackNumberIsTheFiguresRunAndOnlyTheFiguresSchemesAndSizesAreAccepted() {
        FeedbackKey key = new FeedbackKey();
        assertThat(key.expected(reference(List.of()), Map.of("variant", "ack", "receivers", 32))).isEqualTo(320.0);
        assertThatThrownBy(() -> key.check(Map.of("variant", "piggyback", "receivers", 32), "answer"))
                .isInstanceOf(KeyException.class).hasMessageContaining("ack, nack, suppression, hierarchy");
        assertThatThrownBy(() -> key.check(Map.of("variant", "ack", "receivers", 30), "answer"))
                .isInstanceOf(KeyException.class).hasMessageContaining("[4, 8, 16, 32, 48]");
    }
}
