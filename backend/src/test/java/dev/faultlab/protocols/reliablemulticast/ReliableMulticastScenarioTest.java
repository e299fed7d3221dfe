package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.delivered;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.dump;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.lose;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.params;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.recipe;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.run;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.verdict;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.verdicts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripted runs: every step as the lecture describes it, for each feedback scheme. */
class ReliableMulticastScenarioTest {
    private static final List<String> ALL = List.of("m1", "m2", "m3", "m4");

    private static List<Fault> losses(int[]... seqAndReceiver) {
        List<Fault> faults = new ArrayList<>();
        for (int[] loss : seqAndReceiver) {
            faults.addAll(lose(loss[0], loss[1], 2));
        }
        return faults;
    }

    private static List<TraceEvent> events(Simulation sim, EventKind kind, int node, Class<?> type) {
        return sim.trace().events().stream()
                .filter(e -> e.kind() == kind && e.node() == node && type.isInstance(e.payload())).toList();
    }

    private static void assertEveryMonitorHolds(Simulation sim) {
        assertThat(verdicts(sim)).as(() -> dump(sim)).hasSize(3).allMatch(Verdict::holds);
    }

    @Test
    void isRegisteredAndChecksItsParameters() {
        assertThat(Protocols.registry().find(ReliableMulticast.ID)).isPresent();
        assertThatThrownBy(() -> run(recipe(params("variant", "gossip"), 1, List.of(), 0)))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.variant")
                .hasMessageContaining("ack, nack, suppression, hierarchy, piggyback");
        assertThatThrownBy(() -> run(recipe(params("variant", "hierarchy", "senders", 2), 1, List.of(), 0)))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.senders");
        assertThatThrownBy(() -> run(recipe(params("n", 3, "senders", 4), 1, List.of(), 0)))
                .isInstanceOf(RecipeException.class).hasMessageContaining("at most the group size n=3");
    }

    @Test
    void nackTheReceiverFindsTheGapHoldsBackWhatFollowsAndTheSenderRetransmitsFromItsHistoryBuffer() {
        Recipe recipe = recipe(params("variant", "nack", "runFor", 40), 1, losses(new int[]{2, 2}, new int[]{3, 2}), 0);
        Simulation sim = run(recipe);

        // P3 lost m2 and m3; m4 reveals the gap: P3 holds m4 back and asks P1 for exactly m2 and m3.
        List<TraceEvent> nacks = events(sim, EventKind.SEND, 2, Nack.class);
        assertThat(nacks).as(() -> dump(sim)).hasSize(1);
        assertThat(nacks.get(0).payload()).isEqualTo(new Nack(0, List.of(2, 3)));
        assertThat(nacks.get(0).peer()).isEqualTo(0);
        List<ProcessStatus> atNack = Simulation.processesAt(recipe, Protocols.registry(), nacks.get(0).seq());
        StateDisplay.Table receiving = (StateDisplay.Table) atNack.get(2).display().sections().stream()
                .filter(s -> s.title().equals("Receiving")).findFirst().orElseThrow();
        assertThat(receiving.rows()).containsExactly(List.of("P1", 2, "m4", "m2, m3", 2));

        // P1 answers from its history buffer, to P3 only, and P3 then delivers in order.
        List<TraceEvent> retransmitted = events(sim, EventKind.SEND, 0, Data.class).stream()
                .filter(e -> ((Data) e.payload()).copy() == Copy.RETRANSMISSION).toList();
        assertThat(retransmitted).extracting(TraceEvent::peer).containsOnly(2);
        assertThat(retransmitted).extracting(e -> ((Data) e.payload()).seq()).containsExactly(2, 3);
        for (int receiver = 1; receiver <= 4; receiver++) {
            assertThat(delivered(sim, receiver)).isEqualTo(ALL);
        }
        assertThat(events(sim, EventKind.SEND, 1, Nack.class)).isEmpty();
        assertEveryMonitorHolds(sim);
    }

    @Test
    void nackTheSenderAnnouncesItsLastMessageSoALostTailIsRepairedToo() {
        Simulation sim = run(recipe(params("variant", "nack", "runFor", 40), 1, losses(new int[]{4, 3}), 0));

        TraceEvent nack = events(sim, EventKind.SEND, 3, Nack.class).get(0);
        TraceEvent session = sim.trace().events().get(nack.parent());
        assertThat(session.payload()).as(() -> dump(sim)).isEqualTo(new Session(0, 4));
        assertThat(nack.payload()).isEqualTo(new Nack(0, List.of(4)));
        assertThat(delivered(sim, 3)).isEqualTo(ALL);
        assertEveryMonitorHolds(sim);
    }

    @Test
    void ackEveryReceiverAcknowledgesEveryMessageAndOnlyTheSilentOneGetsItAgain() {
        Simulation sim = run(recipe(params("variant", "ack", "runFor", 60), 1, losses(new int[]{2, 4}), 0));

        // Four receivers, four messages: sixteen ACKs reach the sender (P5 acknowledges m2 once it has it).
        List<TraceEvent> acks = events(sim, EventKind.DELIVER, 0, Ack.class);
        assertThat(acks).as(() -> dump(sim)).hasSize(16);
        List<TraceEvent> again = events(sim, EventKind.SEND, 0, Data.class).stream()
                .filter(e -> ((Data) e.payload()).copy() == Copy.RETRANSMISSION).toList();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).peer()).isEqualTo(4);
        assertThat(again.get(0).time()).isEqualTo(4 + 8);
        // Once everyone acknowledged, the history buffer is empty.
        assertThat(history(sim, 0)).isEmpty();
        assertThat(delivered(sim, 4)).isEqualTo(ALL);
        assertEveryMonitorHolds(sim);
    }

    @Test
    void suppressionTheFirstMulticastNackSilencesTheOthersAndSomeHolderRepairs() {
        Simulation sim = run(recipe(params("n", 6, "variant", "suppression", "suppressionDelay", 4, "runFor", 60), 2,
                losses(new int[]{2, 2}, new int[]{2, 3}, new int[]{2, 4}), 0));

        List<TraceEvent> nacks = sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.payload() instanceof Nack).toList();
        // One NACK multicast to the whole group (five copies); the two others that miss m2 keep theirs back.
        assertThat(nacks).as(() -> dump(sim)).hasSize(5).extracting(TraceEvent::node).containsOnly(nacks.get(0).node());
        List<TraceEvent> suppressed = sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.NOTE && String.valueOf(e.payload()).startsWith("suppresses its NACK for m2")).toList();
        assertThat(suppressed).hasSize(2);
        List<TraceEvent> repairs = sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.payload() instanceof Data d && d.copy() == Copy.RETRANSMISSION).toList();
        assertThat(repairs).isNotEmpty();
        for (int receiver = 1; receiver < 6; receiver++) {
            assertThat(delivered(sim, receiver)).isEqualTo(ALL);
        }
        assertEveryMonitorHolds(sim);
    }

    @Test
    void hierarchyOnlyTheLocalCoordinatorsTalkToTheSenderAndACoordinatorRepairsItsGroup() {
        // Receivers P2 to P7 in two local groups of three: P2 coordinates P3 and P4, P5 coordinates P6 and P7.
        Simulation sim = run(recipe(params("n", 7, "variant", "hierarchy", "runFor", 60), 1, List.of(
                Fault.at(5, FaultKind.LINK_DOWN, 4, Map.of("to", 6, "oneWay", true)),
                Fault.at(6, FaultKind.LINK_UP, 4, Map.of("to", 6, "oneWay", true))), 0));

        assertThat(events(sim, EventKind.SEND, 0, Data.class)).extracting(TraceEvent::peer).containsOnly(1, 4);
        assertThat(events(sim, EventKind.DELIVER, 0, Ack.class)).as(() -> dump(sim)).hasSize(8)
                .extracting(TraceEvent::peer).containsOnly(1, 4);
        assertThat(events(sim, EventKind.DELIVER, 4, Ack.class)).extracting(TraceEvent::peer).containsOnly(5, 6);
        List<TraceEvent> repaired = events(sim, EventKind.SEND, 4, Data.class).stream()
                .filter(e -> ((Data) e.payload()).copy() == Copy.RETRANSMISSION).toList();
        assertThat(repaired).hasSize(1);
        assertThat(repaired.get(0).peer()).isEqualTo(6);
        for (int receiver = 1; receiver < 7; receiver++) {
            assertThat(delivered(sim, receiver)).isEqualTo(ALL);
        }
        assertEveryMonitorHolds(sim);
    }

    @Test
    void piggybackAcknowledgementsRideOnTheNextMulticastAsInExample26() {
        Simulation sim = run(recipe(params("n", 3, "senders", 3, "variant", "piggyback", "runFor", 60), 1, List.of(), 0));

        // P2's second message carries its acknowledgements of the first messages of P1 and P3: "B a".
        Data second = (Data) events(sim, EventKind.SEND, 1, Data.class).stream()
                .filter(e -> ((Data) e.payload()).seq() == 2).findFirst().orElseThrow().payload();
        assertThat(second.piggyback()).as(() -> dump(sim)).contains(new Feedback(0, 1, true), new Feedback(2, 1, true));
        // Everyone multicasts often enough that only the acknowledgements of the last messages go on their own.
        assertThat(sim.trace().events().stream().filter(e -> e.kind() == EventKind.SEND && e.payload() instanceof Ack))
                .isNotEmpty().allMatch(e -> ((Ack) e.payload()).seq() == 4);
        assertThat(history(sim, 0)).isEmpty();
        assertEveryMonitorHolds(sim);
    }

    @Test
    void withoutReMulticastASenderCrashingPartWayLeavesSomeReceiversWithoutTheMessage() {
        // P1 crashes while multicasting m3, after it reached P2 only.
        Fault crash = Fault.at(6, FaultKind.CRASH, 0, Map.of("afterSends", 1));
        Simulation sim = run(recipe(params("variant", "nack", "runFor", 60), 1, List.of(crash), 0));

        assertThat(delivered(sim, 1)).isEqualTo(List.of("m1", "m2", "m3"));
        assertThat(delivered(sim, 2)).isEqualTo(List.of("m1", "m2"));
        Verdict atomic = verdict(sim, AllOrNothing.NAME);
        assertThat(atomic.holds()).isFalse();
        assertThat(atomic.explanation()).isEqualTo("P2 delivered m3 but P3, P4, P5, correct members, never did");
    }

    @Test
    void withReMulticastTheReceiverThatGotItPassesItOnAndEveryCorrectReceiverDeliversIt() {
        Fault crash = Fault.at(6, FaultKind.CRASH, 0, Map.of("afterSends", 1));
        Simulation sim = run(recipe(params("variant", "nack", "remulticast", true, "runFor", 60), 1, List.of(crash), 0));

        List<TraceEvent> relays = events(sim, EventKind.SEND, 1, Data.class);
        assertThat(relays).extracting(TraceEvent::peer).contains(2, 3, 4);
        assertThat(relays).allMatch(e -> ((Data) e.payload()).copy() == Copy.RELAY);
        for (int receiver = 1; receiver <= 4; receiver++) {
            assertThat(delivered(sim, receiver)).as(() -> dump(sim)).isEqualTo(List.of("m1", "m2", "m3"));
        }
        assertEveryMonitorHolds(sim);
    }

    @Test
    void withoutFifoAReceiverDeliversAcrossAGapAndTheFifoMonitorNamesIt() {
        Recipe recipe = recipe(params("variant", "nack", "fifo", false, "runFor", 40), 1, losses(new int[]{2, 2}), 0);
        Simulation sim = Simulation.start(recipe, Protocols.registry(), (protocol, params, r) -> List.of(new FifoPerSender()));
        sim.runToEnd();

        assertThat(delivered(sim, 2)).isEqualTo(List.of("m1", "m3", "m4", "m2"));
        assertThat(Verdict.of(sim.monitors().get(0)).explanation()).isEqualTo("P3 delivered m3 right after m1, but m2 comes first");
        assertThat(new ReliableMulticast().monitors(dev.faultlab.sim.Params.check(new ReliableMulticast().parameters(),
                Map.of("fifo", false), 1), null)).extracting(m -> m.property()).doesNotContain(FifoPerSender.NAME);
    }

    @Test
    void duplicatedCopiesAreDeliveredOnce() {
        Recipe recipe = new Recipe(ReliableMulticast.ID, params("variant", "suppression", "runFor", 80), 4, List.of(),
                new dev.faultlab.sim.NetworkSpec(null, 0.2, 0.5, true), null, List.of());
        Simulation sim = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        sim.runToEnd();

        assertThat(sim.trace().events().stream().filter(e -> e.kind() == EventKind.DUPLICATE)).isNotEmpty();
        assertEveryMonitorHolds(sim);
    }

    private static List<List<Object>> history(Simulation sim, int node) {
        return ((StateDisplay.Table) sim.processes().get(node).display().sections().stream()
                .filter(s -> s.title().equals("History buffer")).findFirst().orElseThrow()).rows();
    }
}
