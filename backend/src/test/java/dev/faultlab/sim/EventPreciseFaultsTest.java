package dev.faultlab.sim;

import dev.faultlab.sim.fixtures.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.fixtures.Fixtures.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/** Any event is an injection point: a fault at event index p applies between events p-1 and p, even mid-handler. */
class EventPreciseFaultsTest {
    /** Round 1 of flooding with n=4: ROUND is event 0, P0 sends events 1-3, P1 events 4-6, P2 7-9, P3 10-12. */
    private static final Recipe FLOODING = Recipe.of("flooding", Map.of("n", 4, "f", 1, "values", List.of(3, 0, 5, 7)), 1);

    private static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, REGISTRY);
        sim.runToEnd();
        return sim;
    }

    private static List<TraceEvent> sendsIn(Simulation sim, int node, int round) {
        return Events.where(sim, e -> e.kind() == EventKind.SEND && e.node() == node && e.round() == round);
    }

    @Test
    void aCrashBeforeEvent5StopsP2BeforeItSendsAnythingInRound1() {
        Simulation sim = run(FLOODING.withFault(new Fault(null, 5L, FaultKind.CRASH, 2, Map.of())));

        assertThat(sim.trace().event(5).kind()).isEqualTo(EventKind.FAULT);
        assertThat(sim.trace().event(6).kind()).isEqualTo(EventKind.CRASH);
        assertThat(sendsIn(sim, 2, 1)).isEmpty();
        // P1's broadcast goes on after the crash; its message to P2 is lost at the crashed receiver.
        assertThat(sendsIn(sim, 1, 1)).extracting(TraceEvent::peer).containsExactly(0, 2, 3);
        assertThat(Events.dropped(sim, "receiver crashed")).extracting(TraceEvent::node).contains(2);
    }

    @Test
    void aCrashInTheMiddleOfItsOwnBroadcastCutsTheHandlerThere() {
        Simulation sim = run(FLOODING.withFault(new Fault(null, 5L, FaultKind.CRASH, 1, Map.of())));

        assertThat(sendsIn(sim, 1, 1)).extracting(TraceEvent::peer).containsExactly(0);
        assertThat(sendsIn(sim, 2, 1)).extracting(TraceEvent::peer).containsExactly(0, 1, 3);
    }

    @Test
    void laterSendsOfTheSameHandlerSeeAnOmissionOrACutLink() {
        Simulation omission = run(FLOODING.withFault(new Fault(null, 5L, FaultKind.SEND_OMISSION, 1, Map.of())));
        assertThat(Events.dropped(omission, "send omission").stream().filter(e -> e.round() == 1))
                .extracting(TraceEvent::peer).containsExactly(2, 3);

        Simulation cut = run(FLOODING.withFault(new Fault(null, 5L, FaultKind.LINK_DOWN, 1, Map.of("to", 3))));
        List<TraceEvent> sends = sendsIn(cut, 1, 1);
        assertThat(sends).extracting(TraceEvent::peer).containsExactly(0, 2, 3);
        assertThat(Events.where(cut, e -> e.kind() == EventKind.DELIVER && e.round() == 1 && e.node() == 3 && e.peer() == 1)).isEmpty();
    }

    @Test
    void aStepShowsOneEventAndAFaultInjectedMidHandlerIsExactlyItsReplay() {
        Simulation live = Simulation.start(FLOODING, REGISTRY);
        for (int i = 0; i < 5; i++) {
            live.step();
        }
        assertThat(live.trace().size()).isEqualTo(5);

        Fault recorded = live.inject(new Fault(null, null, FaultKind.CRASH, 1, Map.of()));
        assertThat(recorded.atEvent()).isEqualTo(5L);
        assertThat(live.trace().size()).isEqualTo(7);
        assertThat(live.processes().get(1).up()).isFalse();
        live.runToEnd();

        Simulation replay = run(live.recipe());
        assertThat(replay.trace().events()).isEqualTo(live.trace().events());
        assertThat(sendsIn(live, 1, 1)).hasSize(1);
    }

    @Test
    void seekingShowsTheProcessesRightAfterTheEventEvenInTheMiddleOfAHandler() {
        Simulation live = Simulation.start(FLOODING, REGISTRY);
        List<List<ProcessStatus>> seen = new ArrayList<>();
        while (live.step()) {
            seen.add(live.processes());
        }
        for (int at = 0; at < seen.size(); at += 3) {
            assertThat(Simulation.processesAt(FLOODING, REGISTRY, at)).as("event %d", at).isEqualTo(seen.get(at));
        }
    }
}
