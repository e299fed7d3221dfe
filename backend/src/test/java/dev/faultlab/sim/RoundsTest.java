package dev.faultlab.sim;

import dev.faultlab.sim.fixtures.Fixtures;
import dev.faultlab.sim.fixtures.RoundLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.Scripted.events;
import static org.assertj.core.api.Assertions.assertThat;

class RoundsTest {
    /** What each node found in its inbox, per round (round 4 = the end). Written by the processes, read by the tests. */
    private final Map<String, List<Delivery>> inboxes = new java.util.TreeMap<>();

    private Protocol threeRounds() {
        return Scripted.rounds(3, (ctx, round, inbox, state) -> {
            inboxes.put(ctx.self() + "@" + round, inbox);
            ctx.broadcast(new Num(round * 10 + ctx.self()));
        }, inbox -> inboxes.put("end" + inboxes.size(), inbox));
    }

    @Test
    void everyMessageOfARoundIsInTheNextRoundsInboxAndNoOther() {
        Simulation sim = Scripted.run(threeRounds(), 3, List.of());

        assertThat(inboxes.get("0@1")).isEmpty();
        assertThat(inboxes.get("0@2")).extracting(Delivery::from, d -> ((Num) d.message()).value(), Delivery::round)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 11, 1), org.assertj.core.groups.Tuple.tuple(2, 12, 1));
        assertThat(inboxes.get("2@3")).extracting(d -> ((Num) d.message()).value()).containsExactly(20, 21);
        List<List<Delivery>> ends = inboxes.entrySet().stream().filter(e -> e.getKey().startsWith("end")).map(Map.Entry::getValue).toList();
        assertThat(ends).hasSize(3).allSatisfy(inbox -> assertThat(inbox).hasSize(2)
                .allSatisfy(d -> assertThat(d.round()).isEqualTo(3)));
        assertThat(events(sim, EventKind.ROUND)).extracting(TraceEvent::round, TraceEvent::time, TraceEvent::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 0L, "round 1"), org.assertj.core.groups.Tuple.tuple(2, 10L, "round 2"),
                        org.assertj.core.groups.Tuple.tuple(3, 20L, "round 3"), org.assertj.core.groups.Tuple.tuple(3, 30L, "end of round 3"));
        assertThat(sim.round()).as("a run whose rounds are over is in its last round, never round 4 of 3").isEqualTo(3);
        assertThat(events(sim, EventKind.DELIVER)).allSatisfy(e ->
                assertThat(e.time()).isGreaterThan((e.round() - 1) * Simulation.ROUND_TICKS).isLessThan(e.round() * Simulation.ROUND_TICKS));
    }

    @Test
    void delaysLongerThanARoundAreCutToFitIt() {
        Simulation sim = Scripted.run(threeRounds(), 3, List.of(), new NetworkSpec(Delay.uniform(1, 100), 0, 0, false), Budgets.defaults());

        assertThat(events(sim, EventKind.DELIVER)).hasSize(3 * 3 * 2)
                .allSatisfy(e -> assertThat(e.time() % Simulation.ROUND_TICKS).isBetween(1L, Simulation.ROUND_TICKS - 1));
    }

    @Test
    void aMessageSentInTheMiddleOfARoundStillArrivesBeforeTheNextRound() {
        // P1 recovers at tick 18 of round 2 (ticks 10..19) and broadcasts at once; a 9-tick delay is cut to 1.
        Simulation sim = Fixtures.run(Fixtures.recipe(RoundLog.ID, Map.of("n", 3, "rounds", 3))
                .withNetwork(new NetworkSpec(Delay.constant(9), 0, 0, true))
                .withFaults(List.of(Fault.at(5, FaultKind.CRASH, 1), Fault.at(18, FaultKind.RECOVER, 1))));

        assertThat(events(sim, EventKind.DROP)).filteredOn(e -> e.detail().startsWith("late")).isEmpty();
        assertThat(events(sim, EventKind.DELIVER)).filteredOn(e -> e.peer() == 1 && e.round() == 2)
                .extracting(TraceEvent::time).containsExactly(19L, 19L);
        assertThat(sim.processes().get(0).state().get("log")).isEqualTo(List.of("r1:", "r2: 1@1 2@1", "r3: 2@2 1@2", "end: 1@3 2@3"));
        assertThat(sim.processes().get(1).state().get("log")).isEqualTo(List.of("recovered", "r3: 0@2 2@2", "end: 0@3 2@3"));
    }

    @Test
    void aMessageMadeLateByATimingFaultIsDroppedNotCarriedIntoALaterRound() {
        Simulation sim = Scripted.run(threeRounds(), 3, List.of(Fault.at(0, FaultKind.TIMING, 0, Map.of("extraDelay", 15))));

        assertThat(events(sim, EventKind.DROP)).hasSize(3 * 2)
                .allSatisfy(e -> assertThat(e.detail()).startsWith("late: arrived after round"));
        List<Delivery> all = new ArrayList<>();
        inboxes.values().forEach(all::addAll);
        assertThat(all).isNotEmpty().noneMatch(d -> d.from() == 0);
    }

    @Test
    void aCrashInTheMiddleOfARoundReachesOnlySomeReceivers() {
        Fault crashInRound2 = Fault.at(Simulation.ROUND_TICKS, FaultKind.CRASH, 1, Map.of("afterSends", 1));

        Simulation sim = Scripted.run(threeRounds(), 4, List.of(crashInRound2));

        assertThat(events(sim, EventKind.SEND)).filteredOn(e -> e.node() == 1).extracting(TraceEvent::round, TraceEvent::peer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 0), org.assertj.core.groups.Tuple.tuple(1, 2),
                        org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(2, 0));
        assertThat(inboxes.get("0@3")).extracting(Delivery::from).contains(1);
        assertThat(inboxes.get("2@3")).extracting(Delivery::from).doesNotContain(1);
        assertThat(inboxes).doesNotContainKey("1@3");
    }

    @Test
    void aRecoveredRoundProcessTakesPartAgainFromTheNextRound() {
        Simulation sim = Scripted.run(threeRounds(), 3, List.of(
                Fault.at(5, FaultKind.CRASH, 2), Fault.at(15, FaultKind.RECOVER, 2)));

        assertThat(inboxes).doesNotContainKey("2@2").containsKey("2@3");
        assertThat(inboxes.get("2@3")).isEmpty();
        assertThat(sim.processes().get(2).up()).isTrue();
    }

    @Test
    void aRunCanBeSteppedRoundByRound() {
        Simulation sim = Scripted.start(threeRounds(), 3, List.of(), NetworkSpec.reliable(), Budgets.defaults(), 1);

        sim.runToNextRound();
        assertThat(sim.round()).isEqualTo(1);
        assertThat(inboxes).containsOnlyKeys("0@1", "1@1", "2@1");
        sim.runToNextRound();
        assertThat(sim.round()).isEqualTo(2);
        assertThat(events(sim, EventKind.DELIVER)).hasSize(6).allSatisfy(e -> assertThat(e.round()).isEqualTo(1));
    }

    @Test
    void aProcessCanMarkAChangeOfItsProtocolState() {
        Protocol announcing = Scripted.rounds(1, (ctx, round, inbox, state) -> ctx.stateChanged("WAIT → READY"), inbox -> { });

        Simulation sim = Scripted.run(announcing, 2, List.of());

        assertThat(events(sim, EventKind.STATE)).extracting(TraceEvent::node, TraceEvent::payload, TraceEvent::round)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "WAIT → READY", 1),
                        org.assertj.core.groups.Tuple.tuple(1, "WAIT → READY", 1));
    }

    @Test
    void roundProcessesCannotSetTimers() {
        Protocol withTimer = Scripted.rounds(1, (ctx, round, inbox, state) -> ctx.setTimer("t", 1), inbox -> { });

        Simulation sim = Scripted.run(withTimer, 1, List.of());

        assertThat(sim.endReason().code()).isEqualTo("protocol-error");
        assertThat(sim.endReason().message()).contains("timers belong to asynchronous protocols");
    }
}
