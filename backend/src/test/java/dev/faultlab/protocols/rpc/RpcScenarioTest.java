package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.rpc.RpcRuns.dump;
import static dev.faultlab.protocols.rpc.RpcRuns.events;
import static dev.faultlab.protocols.rpc.RpcRuns.executions;
import static dev.faultlab.protocols.rpc.RpcRuns.holds;
import static dev.faultlab.protocols.rpc.RpcRuns.recipe;
import static dev.faultlab.protocols.rpc.RpcRuns.replies;
import static dev.faultlab.protocols.rpc.RpcRuns.run;
import static dev.faultlab.protocols.rpc.RpcRuns.states;
import static dev.faultlab.protocols.rpc.RpcRuns.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/** The failure classes of the lecture, one scripted run each, step by step as the slides tell them. */
class RpcScenarioTest {
    private static final int SERVER = 0;
    private static final int CLIENT = 1;
    /** The server loses what it sends from t=5 for 3 ticks: the completion message of P then M (sent at t=5). */
    private static final Fault LOSE_REPLY = Fault.at(5, FaultKind.SEND_OMISSION, SERVER, Map.of("duration", 3));

    @Test
    void aNormalCallLocatesTheServerThenIsCarriedOutOnceAndAnswered() {
        Simulation run = run(recipe(Map.of(), 1, List.of()));
        assertThat(run.trace().events()).extracting(e -> e.kind() + (e.payload() instanceof dev.faultlab.sim.Message m ? " " + m.type() : ""))
                .containsSubsequence("SEND LOCATE", "DELIVER LOCATE", "SEND BOUND", "DELIVER BOUND", "SEND REQUEST",
                        "DELIVER REQUEST", "STATE", "TIMER", "OUTPUT", "SEND COMPLETION", "DELIVER COMPLETION", "OUTPUT");
        assertThat(executions(run)).singleElement().satisfies(e -> assertThat(e.after()).isEqualTo("A=50 B=50 printed=0"));
        assertThat(replies(run, CLIENT)).containsExactly("transfer 50 from A to B: A=50 B=50 printed=0");
        assertThat(List.of(AtMostOnce.NAME, AtLeastOnce.NAME, ExactlyOnce.NAME, NoOrphans.NAME, OnlyOrphansKilled.NAME))
                .allMatch(p -> holds(run, p));
    }

    @Test
    void aClientThatCannotLocateTheServerReportsItToItsCaller() {
        Simulation run = run(recipe(Map.of(), 1, List.of(Fault.at(0, FaultKind.CRASH, SERVER))));
        assertThat(replies(run, CLIENT)).containsExactly("cannot locate the server");
        assertThat(events(run, EventKind.SEND, CLIENT, Call.class)).isEmpty();
        assertThat(holds(run, AtLeastOnce.NAME)).as("no call was sent").isTrue();
    }

    @Test
    void aLostRequestIsSimplySentAgainAfterTheTimeout() {
        // The link from the client to the server is down at t=2, when the request goes out.
        Simulation run = run(recipe(Map.of(), 1, List.of(
                Fault.at(2, FaultKind.LINK_DOWN, CLIENT, Map.of("to", SERVER, "oneWay", true)),
                Fault.at(3, FaultKind.LINK_UP, CLIENT, Map.of("to", SERVER, "oneWay", true)))));
        List<Call> sent = events(run, EventKind.SEND, CLIENT, Call.class).stream().map(e -> (Call) e.payload()).toList();
        assertThat(sent).extracting(Call::attempt, Call::retransmission).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(events(run, EventKind.SEND, CLIENT, Call.class).get(1).time()).isEqualTo(2 + 20);
        assertThat(executions(run)).hasSize(1);
        assertThat(holds(run, ExactlyOnce.NAME)).isTrue();
    }

    @Test
    void aLostReplyMakesTheClientReissueAndTheTransferHappensTwice() {
        Simulation run = run(recipe(Map.of("strategy", "unacked"), 1, List.of(LOSE_REPLY)));
        assertThat(executions(run)).extracting(Execution::attempt, Execution::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "A=50 B=50 printed=0"),
                org.assertj.core.groups.Tuple.tuple(2, "A=0 B=100 printed=0"));
        assertThat(verdict(run, AtMostOnce.NAME).violation().explanation())
                .isEqualTo("call #1 of P2 (transfer 50 from A to B) took effect twice: at t=5 (attempt 1) and at t=25 (attempt 2)");
        assertThat(holds(run, AtLeastOnce.NAME)).as("at-least-once: the reissue got through").isTrue();
        assertThat(holds(run, ExactlyOnce.NAME)).isFalse();
    }

    @Test
    void sequenceNumbersLetTheServerAnswerTheDuplicateFromItsTable() {
        Simulation run = run(recipe(Map.of("strategy", "unacked", "dedup", true), 1, List.of(LOSE_REPLY)));
        assertThat(executions(run)).hasSize(1);
        assertThat(events(run, EventKind.SEND, SERVER, Done.class)).extracting(e -> ((Done) e.payload()).fromTable())
                .containsExactly(false, true);
        assertThat(states(run, SERVER)).anyMatch(s -> s.contains("is a duplicate: sequence number 1 was carried out already"));
        assertThat(replies(run, CLIENT)).containsExactly("transfer 50 from A to B: A=50 B=50 printed=0");
        assertThat(holds(run, ExactlyOnce.NAME)).isTrue();
    }

    @Test
    void anIdempotentOperationMayRunTwiceHarmlessly() {
        Simulation run = run(recipe(Map.of("strategy", "unacked", "operation", "set"), 1, List.of(LOSE_REPLY)));
        assertThat(executions(run)).extracting(Execution::after).containsExactly("A=100 B=50 printed=0", "A=100 B=50 printed=0");
        assertThat(holds(run, AtMostOnce.NAME)).isTrue();
        assertThat(run.properties().stream().filter(p -> p.property().equals(AtMostOnce.NAME)).findFirst().orElseThrow()
                .now().violation()).isNull();
    }

    @Test
    void neverReissuingGivesAtMostOnceTheCallerLearnsOfAFailure() {
        Simulation run = run(recipe(Map.of("strategy", "never"), 1, List.of(LOSE_REPLY)));
        assertThat(executions(run)).hasSize(1);
        assertThat(replies(run, CLIENT)).containsExactly("failed: no completion message after 20 ticks");
        assertThat(holds(run, AtMostOnce.NAME)).isTrue();
    }

    @Test
    void aServerCrashIsAnnouncedOnRecoveryAndTheClientActsByItsStrategy() {
        // P then M: the server does the work at t=5 and crashes right before sending M; it recovers 4 ticks later.
        CrashRuns.CrashRun crashed = CrashRuns.run(RpcRuns.REGISTRY, recipe(Map.of(), 1, List.of()), Strategy.UNACKED, ServerCrash.PC_M);
        Simulation pcm = crashed.run();
        assertThat(events(pcm, EventKind.SEND, SERVER, Recovered.class)).as(dump(pcm)).hasSize(1);
        assertThat(states(pcm, CLIENT)).anyMatch(s -> s.equals("the server recovered; call #1 was not acknowledged: reissues it "
                + "(reissue only when not acknowledged)"));
        assertThat(crashed.outcome()).isEqualTo(Outcome.DUP);
    }
}
