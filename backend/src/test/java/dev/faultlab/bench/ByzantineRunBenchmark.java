package dev.faultlab.bench;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.byzantine.InteractiveConsistency;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Exercise 7 of the seeds end to end: n=7, m=2 (3 rounds, 1092 oral messages), two traitors, from
 * recipe check to the interactive-consistency verdict. Run with
 * {@code mvn -B -q -pl backend test-compile exec:exec@bench -Dbench.args="ByzantineRunBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ByzantineRunBenchmark {
    private ProtocolRegistry registry;
    private Recipe recipe;

    @Setup
    public void setUp() {
        registry = Protocols.registry();
        recipe = Recipe.of(ByzantineAgreement.ID, Map.of("n", 7, "m", 2,
                        "values", List.of("ATTACK", "ATTACK", "ATTACK", "RETREAT", "ATTACK", "ATTACK", "RETREAT")), 7)
                .withFaults(List.of(
                        Fault.at(0, FaultKind.BYZANTINE, 0, Map.of("behaviour", "two-faced")),
                        Fault.at(0, FaultKind.BYZANTINE, 1, Map.of("behaviour", "random"))));
    }

    @Benchmark
    public Simulation run() {
        Simulation sim = Simulation.start(recipe, registry);
        sim.runToEnd();
        return sim;
    }

    @Benchmark
    public Verdict runAndCheck() {
        return InteractiveConsistency.check(run());
    }
}
