package dev.faultlab.protocols.primarybackup;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.primarybackup.PbRuns.dump;
import static dev.faultlab.protocols.primarybackup.PbRuns.params;
import static dev.faultlab.protocols.primarybackup.PbRuns.recipe;
import static dev.faultlab.protocols.primarybackup.PbRuns.run;
import static dev.faultlab.protocols.primarybackup.PbRuns.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lecture's simple primary-backup protocol (f = 1), step by step, and what breaks outside its model. */
class PrimaryBackupTest {

    @Test
    void thePrimarySyncsTheBackupAndAnswersOnlyAfterItsAcknowledgement() {
        Simulation sim = run(recipe(params("mode", "passive", "runFor", 200), 1, 5, List.of()));
        List<TraceEvent> events = sim.trace().events();

        TraceEvent request = first(events, e -> e.kind() == EventKind.DELIVER && e.node() == 0 && e.payload() instanceof ClientRequest);
        TraceEvent sync = first(events, e -> e.kind() == EventKind.SEND && e.node() == 0 && e.payload() instanceof StateUpdate);
        TraceEvent installed = first(events, e -> e.kind() == EventKind.DELIVER && e.node() == 1 && e.payload() instanceof StateUpdate);
        TraceEvent ack = first(events, e -> e.kind() == EventKind.DELIVER && e.node() == 0 && e.payload() instanceof SyncAck);
        TraceEvent reply = first(events, e -> e.kind() == EventKind.SEND && e.node() == 0 && e.payload() instanceof ClientReply);

        assertThat(List.of(request.seq(), sync.seq(), installed.seq(), ack.seq(), reply.seq())).as(dump(sim)).isSorted();
        assertThat(((StateUpdate) sync.payload()).value()).isEqualTo(1);
        assertThat(replies(sim)).extracting(Update::op).containsExactly("set 1", "add 2", "random", "add 3");
        assertThat(sim.properties()).allSatisfy(p -> assertThat(p.now().violation()).isNull());
    }

    @Test
    void theBackupTakesOverOneTimeoutAfterTheLastWordFromTheCrashedPrimaryWithEveryAcknowledgedUpdate() {
        Simulation sim = run(recipe(params("mode", "passive", "timeout", 20, "runFor", 300), 1, 5,
                List.of(Fault.at(75, FaultKind.CRASH, 0, Map.of()))));
        List<TraceEvent> events = sim.trace().events();

        TraceEvent lastHeard = events.stream().filter(e -> e.kind() == EventKind.DELIVER && e.node() == 1 && e.peer() == 0)
                .reduce((a, b) -> b).orElseThrow();
        TraceEvent takeOver = first(events, PbStates::isTakeOver);
        assertThat(takeOver.node()).isEqualTo(1);
        assertThat(takeOver.time()).isEqualTo(lastHeard.time() + 20);

        List<Update> acknowledgedByP1 = events.stream().filter(e -> e.node() == 0).map(Output::of)
                .filter(o -> o instanceof Output.Reply).map(o -> (Update) ((Output.Reply) o).result()).toList();
        List<Update> p2 = PbStates.history(sim.processes().get(1).state());
        assertThat(p2).containsAll(acknowledgedByP1);
        assertThat(replies(sim)).extracting(Update::position).containsExactly(1, 2, 3, 4);
        assertThat(sim.properties()).as(dump(sim)).allSatisfy(p -> assertThat(p.now().violation()).isNull());
    }

    @Test
    void activeReplicationOfARandomOperationSplitsTheHistoryAtTheFailoverWhileSemiActiveKeepsOne() {
        Recipe active = recipe(params("mode", "active", "runFor", 300), 1, 5, List.of());
        int answered = answerTo(run(active), "random");
        Recipe crashed = active.withFaults(List.of(new Fault(null, (long) answered + 1, FaultKind.CRASH, 0, Map.of())));

        Simulation split = run(crashed);
        assertThat(violation(split, OneHistory.NAME)).as(dump(split)).isNotNull();
        assertThat(violation(split, OneHistory.NAME).explanation()).contains("P1 answered #3 random").contains("P2 answered #4 add 3");

        Recipe semiActive = recipe(params("mode", "semi-active", "runFor", 300), 1, 5, List.of());
        Simulation kept = run(semiActive.withFaults(List.of(new Fault(null, (long) answerTo(run(semiActive), "random") + 1,
                FaultKind.CRASH, 0, Map.of()))));
        assertThat(kept.trace().events()).anyMatch(PbStates::isTakeOver);
        assertThat(kept.properties()).as(dump(kept)).allSatisfy(p -> assertThat(p.now().violation()).isNull());
    }

    @Test
    void aLinkThatLosesMessagesMakesThePrimaryDropItsBackupAndTheBackupTakeOverWithoutAnAcknowledgedUpdate() {
        Simulation sim = run(recipe(params("mode", "passive", "runFor", 300), 1, 5,
                List.of(Fault.at(30, FaultKind.LINK_LOSS, 0, Map.of("to", 1, "probability", 1.0)))));

        assertThat(notes(sim, 0)).anyMatch(n -> n.contains("no acknowledgement of #2 from P2") && n.contains("takes it for crashed"));
        assertThat(violation(sim, AcknowledgedUpdatesKept.NAME)).as(dump(sim)).isNotNull();
        assertThat(violation(sim, AcknowledgedUpdatesKept.NAME).explanation())
                .contains("P1 answered P3's request 2 with #2 add 2").contains("P2 acts as primary without it");
    }

    @Test
    void withTwoBackupsTheSecondWaitsForTheFirstToTakeOverAndAdoptsItsHistory() {
        Simulation sim = run(recipe(params("backups", 2, "mode", "passive", "runFor", 300), 2, 4,
                List.of(Fault.at(60, FaultKind.CRASH, 0, Map.of()))));
        assertThat(sim.trace().events().stream().filter(PbStates::isTakeOver).map(TraceEvent::node).toList()).containsExactly(1);
        assertThat(PbStates.history(sim.processes().get(2).state())).isEqualTo(PbStates.history(sim.processes().get(1).state()));
        assertThat(sim.properties()).as(dump(sim)).allSatisfy(p -> assertThat(p.now().violation()).isNull());
    }

    @Test
    void parametersThatDoNotFitAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Simulation.start(Recipe.of(PrimaryBackup.ID, Map.of("mode", "lazy"), 1), Protocols.registry()))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.mode: must be active, passive or semi-active, got 'lazy'");
        assertThatThrownBy(() -> Simulation.start(Recipe.of(PrimaryBackup.ID, Map.of("workload", List.of("set 1", "mul 2")), 1),
                Protocols.registry()))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.workload: element 1 must be an operation");
    }

    private static int answerTo(Simulation sim, String op) {
        return sim.trace().events().stream().filter(e -> Output.of(e) instanceof Output.Reply reply
                && ((Update) reply.result()).op().equals(op)).findFirst().orElseThrow().seq();
    }

    private static List<Update> replies(Simulation sim) {
        return sim.trace().events().stream().map(Output::of).filter(o -> o instanceof Output.Reply)
                .map(o -> (Update) ((Output.Reply) o).result()).toList();
    }

    private static List<String> notes(Simulation sim, int node) {
        return sim.trace().events().stream().filter(e -> e.node() == node && e.kind() == EventKind.NOTE).map(e -> (String) e.payload()).toList();
    }

    private static TraceEvent first(List<TraceEvent> events, java.util.function.Predicate<TraceEvent> test) {
        return events.stream().filter(test).findFirst().orElseThrow();
    }
}
