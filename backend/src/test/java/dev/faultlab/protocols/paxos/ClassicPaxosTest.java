package dev.faultlab.protocols.paxos;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.paxos.PaxosRuns.dump;
import static dev.faultlab.protocols.paxos.PaxosRuns.params;
import static dev.faultlab.protocols.paxos.PaxosRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;

/** Classic Paxos: single-decree and multi-decree runs, and safety over random fault plans. */
class ClassicPaxosTest {
    private static List<String> learned(Simulation sim, int first, int learners) {
        return java.util.stream.IntStream.range(first, first + learners)
                .mapToObj(node -> String.valueOf(sim.processes().get(node).state().get("executedOps"))).toList();
    }

    @Test
    void twoProposersOfOneSlotGetOneValueChosenAndEveryLearnerLearnsIt() {
        PaxosMonitors.Watched watched = watch(Recipe.of(ClassicPaxos.ID, params("proposers", 2, "acceptors", 3, "learners", 2), 4));
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        List<String> learned = learned(sim, 5, 2);
        assertThat(learned.get(0)).isIn("[v1]", "[v2]");
        assertThat(learned).containsOnly(learned.get(0));
        assertThat(sim.trace().events().stream().filter(e -> e.kind() == EventKind.DECIDE)).hasSize(2);
    }

    @Test
    void aLaterProposerMustProposeTheValueAMajorityAlreadyAccepted() {
        // P1 gets v1 accepted by all three acceptors long before P2 wakes up; P2's PROMISEs report v1 under P1's number.
        Recipe recipe = Recipe.of(ClassicPaxos.ID, params("proposers", 2, "acceptors", 3, "learners", 1), 4)
                .withFaults(List.of(Fault.at(0, FaultKind.TIMING, 1, java.util.Map.of("timerFactor", 20))));
        PaxosMonitors.Watched watched = watch(recipe);
        Simulation sim = watched.run();

        assertThat(watched.safety()).allMatch(Verdict::holds);
        assertThat(PaxosRuns.sent(sim, "PREPARE")).as(() -> dump(sim)).isGreaterThanOrEqualTo(6);
        assertThat(sim.trace().events().stream().filter(e -> e.kind() == EventKind.SEND && e.node() == 1
                && e.payload() instanceof Propose propose).map(e -> ((Propose) e.payload()).op().command()))
                .as(() -> dump(sim)).isNotEmpty().containsOnly("v1");
        assertThat(learned(sim, 5, 1)).containsExactly("[v1]");
    }

    @Test
    void withClientsTheLearnersExecuteEveryRequestInTheSameOrder() {
        PaxosMonitors.Watched watched = watch(Recipe.of(ClassicPaxos.ID, params("proposers", 2, "acceptors", 3, "learners", 2,
                "clients", 2, "requests", 4, "runFor", 2000), 9));
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        List<String> learned = learned(sim, 5, 2);
        assertThat(learned).containsOnly(learned.get(0));
        assertThat(sim.processes().get(5).state().get("executed")).isEqualTo(8);
    }

    @Property(tries = 120)
    void noFaultOfTheModelChoosesTwoValuesForASlot(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                   @ForAll @IntRange(min = 0, max = 6) int faults, @ForAll boolean lossy) {
        SplittableRandom random = new SplittableRandom(seed);
        int proposers = 1 + random.nextInt(3);
        int acceptors = random.nextBoolean() ? 3 : 5;
        int learners = 1 + random.nextInt(2);
        int clients = random.nextInt(3);
        Recipe recipe = Recipe.of(ClassicPaxos.ID, params("proposers", proposers, "acceptors", acceptors, "learners", learners,
                        "clients", clients, "requests", 1 + random.nextInt(4), "runFor", 1500), seed)
                .withFaults(PaxosFaultPlans.plan(random, proposers + acceptors + learners, faults, 600));
        Recipe run = lossy ? recipe.withNetwork(PaxosFaultPlans.lossy(random)) : recipe;
        PaxosMonitors.Watched watched = watch(run);

        for (Verdict verdict : watched.safety()) {
            assertThat(verdict.holds()).as(() -> verdict.explanation() + "\n" + run + "\n" + dump(watched.run())).isTrue();
        }
    }
}
