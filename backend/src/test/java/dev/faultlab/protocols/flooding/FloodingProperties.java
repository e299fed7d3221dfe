package dev.faultlab.protocols.flooding;

import dev.faultlab.check.Counterexample;
import dev.faultlab.check.Explorer;
import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Flooding consensus keeps its promises with f+1 rounds and at most f crashes, and can break them with fewer rounds. */
class FloodingProperties {

    /**
     * A recipe with at most {@code f} crashes, each at a random moment of the rounds (often at a round's
     * start, when a crash part-way through a broadcast reaches only some processes) and distinct inputs.
     */
    static Recipe crashSchedule(int n, int f, Integer rounds, SplittableRandom random) {
        int lastRound = rounds == null ? f + 1 : rounds;
        List<Integer> nodes = shuffled(n, random);
        List<Fault> crashes = new ArrayList<>();
        for (int i = 0, count = random.nextInt(f + 1); i < count; i++) {
            long roundStart = random.nextInt(lastRound) * Simulation.ROUND_TICKS;
            long at = random.nextBoolean() ? roundStart : roundStart + random.nextInt((int) Simulation.ROUND_TICKS);
            Map<String, Object> params = random.nextBoolean() ? Map.of("afterSends", random.nextInt(n)) : Map.of();
            crashes.add(Fault.at(at, FaultKind.CRASH, nodes.get(i), params));
        }
        return recipe(n, f, rounds, crashes, random);
    }

    /**
     * The adversary the f+1 proof defeats: with rounds <= f it can crash a process in every round (then the
     * rest in random rounds), each at the round's start and part-way through its broadcast, so it reaches
     * only its first few peers. Who crashes, in which order and how far each gets are random.
     */
    static Recipe partialBroadcastCrashes(int n, int f, int rounds, SplittableRandom random) {
        List<Integer> nodes = shuffled(n, random);
        List<Fault> crashes = new ArrayList<>();
        for (int i = 0; i < f; i++) {
            long roundStart = (i < rounds ? i : random.nextInt(rounds)) * Simulation.ROUND_TICKS;
            crashes.add(Fault.at(roundStart, FaultKind.CRASH, nodes.get(i), Map.of("afterSends", random.nextInt(n - 1))));
        }
        return recipe(n, f, rounds, crashes, random);
    }

    private static List<Integer> shuffled(int n, SplittableRandom random) {
        List<Integer> nodes = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(nodes, new java.util.Random(random.nextLong()));
        return nodes;
    }

    /** Distinct inputs (a permutation of 0..n-1), so exactly one process starts with the minimum. */
    private static Recipe recipe(int n, int f, Integer rounds, List<Fault> crashes, SplittableRandom random) {
        List<Integer> values = shuffled(n, random);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", n);
        params.put("f", f);
        if (rounds != null) {
            params.put("rounds", rounds);
        }
        params.put("values", values);
        NetworkSpec network = new NetworkSpec(Delay.uniform(1, 1 + random.nextInt(12)), 0, random.nextInt(2) * 0.3, random.nextBoolean());
        return new Recipe(FloodingConsensus.ID, params, random.nextLong(), crashes, network, null);
    }

    private static Optional<Verdict> firstViolation(Simulation run) {
        return FloodingCheckers.verdicts(run).stream().filter(v -> !v.holds()).findFirst();
    }

    @Property(tries = 300, seed = "591")
    void withFPlusOneRoundsAndAtMostFCrashesAgreementValidityAndTerminationHold(
            @ForAll @IntRange(min = 2, max = 7) int n, @ForAll long schedule) {
        SplittableRandom random = new SplittableRandom(schedule);
        Recipe recipe = crashSchedule(n, random.nextInt(n), null, random);
        Simulation run = Simulation.start(recipe, Protocols.registry());

        run.runToEnd();

        assertThat(run.endReason().completed()).isTrue();
        assertThat(firstViolation(run)).as("recipe %s", recipe).isEmpty();
    }

    /** f stays at most 2: a chain of three crashes is rare enough among random schedules to take seconds per search. */
    @Property(tries = 12, seed = "4")
    void withAtMostFRoundsASearchFindsARunWhereCorrectProcessesDisagree(
            @ForAll @IntRange(min = 1, max = 2) int f, @ForAll @IntRange(min = 0, max = 3) int spare, @ForAll long searchSeed) {
        int n = f + 2 + spare;
        SplittableRandom random = new SplittableRandom(searchSeed);
        int rounds = 1 + random.nextInt(f);
        Stream<Recipe> candidates = Stream.generate(() -> partialBroadcastCrashes(n, f, rounds, random.split())).limit(20_000);

        Optional<Counterexample> found = Explorer.search(Protocols.registry(), candidates,
                run -> firstViolation(run).orElse(Verdict.holds("all", "")));

        assertThat(found).as("n=%d f=%d rounds=%d", n, f, rounds).isPresent();
        Counterexample counterexample = found.get();
        assertThat(counterexample.verdict().property()).isEqualTo("agreement");
        assertThat(counterexample.verdict().witnesses()).hasSize(2);
        assertThat(counterexample.recipe().faults()).hasSizeLessThanOrEqualTo(f);
        Simulation replay = Simulation.start(counterexample.recipe(), Protocols.registry());
        replay.runToEnd();
        assertThat(firstViolation(replay)).contains(counterexample.verdict());
    }
}
