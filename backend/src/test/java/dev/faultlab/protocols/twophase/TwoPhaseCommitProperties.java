package dev.faultlab.protocols.twophase;

import dev.faultlab.check.Counterexample;
import dev.faultlab.check.Explorer;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.faultlab.protocols.twophase.TwoPhaseRuns.dump;
import static dev.faultlab.protocols.twophase.TwoPhaseRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

class TwoPhaseCommitProperties {
    private static final String ROWS = "recovery table rows used";
    private static final String OUTCOME = "decisions";
    private static final Budgets BUDGETS = new Budgets(200_000, 100_000, 10_000, 64, 64L * 1024 * 1024);

    @Property(tries = 1000)
    void atomicityHoldsUnderAnyFaultPlan(@ForAll("anyRecipe") Recipe recipe) {
        Simulation sim = run(recipe);
        collectRecoveryTableRowsAndOutcome(sim);

        assertThat(Atomicity.check(sim).holds()).as(() -> recipe + "\n" + dump(sim)).isTrue();
        if (sim.decisions().containsValue("COMMIT")) {
            assertThat(participantVotes(sim)).as(() -> "commit needs every participant's commit vote\n" + dump(sim))
                    .containsOnly(Vote.COMMIT);
        }
        // Without these the generator would not reach the cases that can break atomicity.
        Statistics.label(ROWS).coverage(rows -> {
            for (State row : RecoveryTable.ROWS.keySet()) {
                rows.check(row).count(count -> count > 0);
            }
        });
        Statistics.label(OUTCOME).coverage(outcomes -> outcomes.check(List.of("COMMIT")).count(count -> count > 0));
    }

    @Property(tries = 100)
    void theSameRecipeGivesTheSameTrace(@ForAll("anyRecipe") Recipe recipe) {
        assertThat(run(recipe).trace().events()).containsExactlyElementsOf(run(recipe).trace().events());
    }

    @Property(tries = 300)
    void onceEveryCrashedProcessRecoversAndTheNetworkHealsEveryoneDecides(@ForAll("healingRecipe") Recipe recipe) {
        Simulation sim = run(recipe);

        assertThat(sim.endReason().completed()).as("%s", sim.endReason()).isTrue();
        assertThat(sim.decisions()).as("%s%n%s", recipe, dump(sim)).hasSize(sim.nodeCount());
        assertThat(Atomicity.check(sim).holds()).isTrue();
        assertThat(Blocking.check(sim).isBlocked()).isFalse();
    }

    @Property(tries = 200)
    void aParticipantCrashNeverBlocksTheOthers(@ForAll @IntRange(min = 2, max = 5) int participants,
                                               @ForAll @IntRange(min = 1, max = 5) int victim,
                                               @ForAll @LongRange(min = 0, max = 30) long at) {
        int crashed = Math.min(victim, participants);
        Simulation sim = run(Map.of("participants", participants), List.of(Fault.at(at, FaultKind.CRASH, crashed)));

        assertThat(Blocking.check(sim).isBlocked()).as(dump(sim)).isFalse();
        for (int node = 0; node <= participants; node++) {
            if (node != crashed) {
                assertThat(sim.decisions()).containsKey(node);
            }
        }
    }

    /**
     * Searches every single crash, of every process, before every event of the fault-free run: the explorer
     * finds a schedule that blocks, it crashes the coordinator, and no crash of a participant blocks anyone.
     */
    @Example
    void searchingSingleCrashSchedulesFindsThatOnlyTheCoordinatorsCrashBlocks() {
        Map<String, Object> params = Map.of("participants", 3);
        int events = run(params, List.of()).trace().size();
        ProtocolRegistry registry = Protocols.registry();

        Optional<Counterexample> blocking = Explorer.search(registry,
                singleCrashes(params, IntStream.rangeClosed(0, 3), events), run -> Blocking.check(run).verdict());
        Optional<Counterexample> blockingByAParticipant = Explorer.search(registry,
                singleCrashes(params, IntStream.rangeClosed(1, 3), events), run -> Blocking.check(run).verdict());

        assertThat(blocking).hasValueSatisfying(found -> {
            assertThat(found.recipe().faults()).singleElement().satisfies(crash -> assertThat(crash.target()).isZero());
            assertThat(found.verdict().explanation()).contains("coordinator P1 crashed at t=")
                    .contains("P2 in READY").contains("P3 in READY").contains("P4 in READY");
        });
        assertThat(blockingByAParticipant).isEmpty();
    }

    private static Stream<Recipe> singleCrashes(Map<String, Object> params, IntStream targets, int events) {
        return targets.boxed().flatMap(target -> LongStream.range(0, events).mapToObj(event ->
                Recipe.of(TwoPhaseCommit.ID, params, 1).withFault(Fault.at(0, FaultKind.CRASH, target).atEvent(event))));
    }

    @Provide
    Arbitrary<Recipe> anyRecipe() {
        return Arbitraries.integers().between(2, 5).flatMap(participants -> Combinators.combine(
                        params(participants), Arbitraries.longs(), FaultPlans.anyFaults(participants + 1),
                        FaultPlans.anyNetwork())
                .as((params, seed, faults, network) -> new Recipe(TwoPhaseCommit.ID, params, seed, faults, network, BUDGETS)));
    }

    @Provide
    Arbitrary<Recipe> healingRecipe() {
        // Re-sending for 20 x 10 ticks outlasts every fault, which is over by FaultPlans.HEALED_BY.
        return Arbitraries.integers().between(2, 5).flatMap(participants -> Combinators.combine(
                        params(participants), Arbitraries.longs(), FaultPlans.healingFaults(participants + 1),
                        FaultPlans.lossFreeNetwork())
                .as((params, seed, faults, network) -> {
                    Map<String, Object> patient = new LinkedHashMap<>(params);
                    patient.put("retryInterval", 10);
                    patient.put("maxRetries", 20);
                    return new Recipe(TwoPhaseCommit.ID, patient, seed, faults, network, BUDGETS);
                }));
    }

    private static Arbitrary<Map<String, Object>> params(int participants) {
        Arbitrary<String> vote = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just("commit")), Tuple.of(1, Arbitraries.just("abort")));
        Arbitrary<Integer> timeout = Arbitraries.integers().between(3, 60);
        return Combinators.combine(Arbitraries.integers().between(0, participants), vote.list().ofSize(participants),
                        timeout, timeout, timeout, Arbitraries.integers().between(3, 20), Arbitraries.integers().between(0, 6))
                .as((coordinator, votes, voteTimeout, initTimeout, decisionTimeout, retryInterval, maxRetries) -> {
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("participants", participants);
                    params.put("coordinator", coordinator);
                    params.put("votes", votes);
                    params.put("voteTimeout", voteTimeout);
                    params.put("initTimeout", initTimeout);
                    params.put("decisionTimeout", decisionTimeout);
                    params.put("retryInterval", retryInterval);
                    params.put("maxRetries", maxRetries);
                    return params;
                });
    }

    /** Which rows of the recovery table a run used, and what it decided, for jqwik's statistics. */
    private static void collectRecoveryTableRowsAndOutcome(Simulation sim) {
        sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.DELIVER && e.payload() instanceof DecisionReply)
                .map(e -> ((DecisionReply) e.payload()).state())
                .distinct()
                .forEach(row -> Statistics.label(ROWS).collect(row));
        Statistics.label(OUTCOME).collect(sim.decisions().values().stream().distinct().sorted().toList());
    }

    private static List<Vote> participantVotes(Simulation sim) {
        int coordinator = TwoPhaseCommit.coordinatorOf(sim.recipe());
        List<Vote> votes = new ArrayList<>();
        for (int node = 0; node < sim.nodeCount(); node++) {
            if (node != coordinator) {
                votes.add((Vote) sim.processes().get(node).stable().get(LoggedState.VOTE_KEY));
            }
        }
        return votes;
    }
}
