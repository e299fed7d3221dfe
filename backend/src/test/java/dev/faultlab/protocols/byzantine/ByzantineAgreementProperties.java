package dev.faultlab.protocols.byzantine;

import dev.faultlab.check.Agreement;
import dev.faultlab.check.Counterexample;
import dev.faultlab.check.Explorer;
import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.faultlab.protocols.byzantine.ByzantineRuns.run;
import static dev.faultlab.protocols.byzantine.ByzantineRuns.traitor;
import static org.assertj.core.api.Assertions.assertThat;

/** The theorem of the seeds: n >= 3m+1 suffices for m traitors, and n <= 3m does not. */
class ByzantineAgreementProperties {
    private static final List<String> VALUES = List.of(Plan.ATTACK, Plan.RETREAT, "7");
    private static final List<String> BEHAVIOURS = Behaviours.ALL.stream().map(b -> b.name()).toList();
    private static final List<String> FALLBACKS = Stream.concat(Stream.of(Scripted.HONEST), Behaviours.lyingNames().stream()).toList();

    /** Traitors by node id with their behaviour; {@code seed} drives the run and any scripted lies. */
    record Scenario(int n, int m, List<String> values, Map<Integer, String> traitors, long seed) {
        Recipe recipe() {
            List<Fault> faults = new ArrayList<>();
            traitors.forEach((node, behaviour) -> faults.add(traitor(node, behaviour, paramsFor(node, behaviour))));
            return ByzantineRuns.recipe(n, m, values, seed, faults);
        }

        /** A scripted traitor gets a table drawn from the seed: rows about one message, and wildcards for a whole round. */
        private Map<String, Object> paramsFor(int node, String behaviour) {
            if (!behaviour.equals(Scripted.NAME)) {
                return Map.of();
            }
            SplittableRandom random = new SplittableRandom(seed * 31 + node);
            List<Map<String, Object>> lies = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(2 * n); i++) {
                String value = VALUES.get(random.nextInt(VALUES.size()));
                int to = random.nextInt(n);
                if (random.nextInt(5) == 0) {
                    lies.add(Map.of("round", 1 + random.nextInt(m + 1), "value", value));
                } else if (to != node) {
                    List<String> path = new ArrayList<>();
                    int speakers = random.nextInt(m + 1);
                    while (path.size() < speakers) {
                        int next = random.nextInt(n);
                        if (next != to && next != node && !path.contains(Integer.toString(next))) {
                            path.add(Integer.toString(next));
                        }
                    }
                    lies.add(ByzantineRuns.lie(to, String.join(":", path), value));
                }
            }
            return Map.of("lies", lies, "otherwise", FALLBACKS.get(random.nextInt(FALLBACKS.size())));
        }
    }

    @Provide
    Arbitrary<Scenario> tolerated() {
        return Arbitraries.integers().between(4, 9).flatMap(n ->
                Arbitraries.integers().between(0, Math.min(2, (n - 1) / 3)).flatMap(m ->
                        Combinators.combine(
                                Arbitraries.of(VALUES).list().ofSize(n),
                                Arbitraries.integers().between(0, n - 1).set().ofMaxSize(m),
                                Arbitraries.of(BEHAVIOURS).list().ofSize(m),
                                Arbitraries.longs()
                        ).as((values, traitorIds, behaviours, seed) -> {
                            Map<Integer, String> traitors = new TreeMap<>();
                            int i = 0;
                            for (int id : traitorIds) {
                                traitors.put(id, behaviours.get(i++));
                            }
                            return new Scenario(n, m, values, traitors, seed);
                        })));
    }

    @Property(tries = 300)
    void withAtLeast3mPlus1ProcessesAndAtMostMTraitorsInteractiveConsistencyHolds(@ForAll("tolerated") Scenario scenario) {
        Simulation sim = run(scenario.recipe());

        assertThat(sim.endReason().completed()).isTrue();
        Verdict verdict = InteractiveConsistency.check(sim);
        assertThat(verdict.holds()).as(verdict.explanation()).isTrue();
        assertThat(Agreement.check(sim).holds()).isTrue();
        List<String> loyalValues = new ArrayList<>();
        for (int node = 0; node < scenario.n(); node++) {
            if (!scenario.traitors().containsKey(node)) {
                loyalValues.add(scenario.values().get(node));
            }
        }
        if (loyalValues.stream().distinct().count() == 1) {
            assertThat(sim.decisions().values()).containsOnly(loyalValues.get(0));
        }
    }

    /**
     * n processes (n >= 3m+1), at most m traitors of whom the first is a mirror (the others of any behaviour but
     * scripted), under a seeded random network: the mirror answers as messages arrive, so when they arrive matters.
     */
    record MirrorScenario(int n, int m, List<String> values, List<Integer> traitors, List<String> others, long seed, NetworkSpec network) {
        Simulation run() {
            List<Fault> faults = new ArrayList<>();
            for (int i = 0; i < traitors.size(); i++) {
                faults.add(traitor(traitors.get(i), i == 0 ? Mirror.NAME : others.get(i)));
            }
            return ByzantineRuns.run(ByzantineRuns.recipe(n, m, values, seed, faults).withNetwork(network));
        }
    }

    @Provide
    Arbitrary<MirrorScenario> mirrors() {
        List<String> behaviours = Behaviours.ALL.stream().map(b -> b.name()).filter(name -> !name.equals(Scripted.NAME)).toList();
        Arbitrary<NetworkSpec> networks = Combinators.combine(
                Arbitraries.of(Delay.constant(1), Delay.uniform(1, 9), Delay.exponential(3)),
                Arbitraries.of(0.0, 0.3)
        ).as((delay, duplication) -> new NetworkSpec(delay, 0, duplication, false));
        return Arbitraries.integers().between(4, 8).flatMap(n ->
                Arbitraries.integers().between(1, Math.min(2, (n - 1) / 3)).flatMap(m ->
                        Combinators.combine(
                                Arbitraries.of(VALUES).list().ofSize(n),
                                Arbitraries.integers().between(0, n - 1).list().uniqueElements().ofMinSize(1).ofMaxSize(m),
                                Arbitraries.of(behaviours).list().ofSize(m),
                                Arbitraries.longs(),
                                networks
                        ).as((values, traitors, others, seed, network) -> new MirrorScenario(n, m, values, traitors, others, seed, network))));
    }

    @Property(tries = 150)
    void withAtMostMTraitorsAmongAtLeast3mPlus1ProcessesAMirrorBreaksNeitherInteractiveConsistencyNorAgreement(
            @ForAll("mirrors") MirrorScenario scenario) {
        Simulation sim = scenario.run();

        assertThat(sim.endReason().completed()).isTrue();
        Verdict consistency = InteractiveConsistency.check(sim);
        assertThat(consistency.holds()).as(consistency.explanation()).isTrue();
        assertThat(Agreement.check(sim).holds()).isTrue();
        Map<Integer, Object> decisions = sim.decisions();
        for (int node = 0; node < scenario.n(); node++) {
            if (!scenario.traitors().contains(node)) {
                assertThat(decisions).containsKey(node);
            }
        }
    }

    @Example
    void threeProcessesWithOneTraitorFail() {
        assertSomeScenarioBreaksInteractiveConsistency(3, 1);
    }

    @Example
    void sixProcessesWithTwoTraitorsFail() {
        assertSomeScenarioBreaksInteractiveConsistency(6, 2);
    }

    /** Searches a bounded, fixed space of scenarios; the violation found must come with its evidence. */
    private static void assertSomeScenarioBreaksInteractiveConsistency(int n, int m) {
        Stream<Recipe> candidates = LongStream.range(0, 20).boxed().flatMap(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> values = new ArrayList<>();
            for (int node = 0; node < n; node++) {
                values.add(Plan.BOTH.get(random.nextInt(2)));
            }
            List<Integer> traitorIds = new ArrayList<>();
            while (traitorIds.size() < m) {
                int node = random.nextInt(n);
                if (!traitorIds.contains(node)) {
                    traitorIds.add(node);
                }
            }
            return BEHAVIOURS.stream().map(behaviour -> {
                Map<Integer, String> traitors = new TreeMap<>();
                traitorIds.forEach(node -> traitors.put(node, behaviour));
                return new Scenario(n, m, values, traitors, seed).recipe();
            });
        });

        Optional<Counterexample> found = Explorer.search(Protocols.registry(), candidates, InteractiveConsistency::check);

        assertThat(found).as("a violation with n=%d and m=%d traitors", n, m).isPresent();
        Simulation sim = run(found.get().recipe());
        assertThat(found.get().verdict().witnesses()).isNotEmpty()
                .anySatisfy(seq -> assertThat(sim.trace().kind(seq)).isEqualTo(EventKind.DELIVER));
    }
}
