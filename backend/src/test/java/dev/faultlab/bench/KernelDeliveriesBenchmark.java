package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Message deliveries per second of the kernel on one core, trace on: a whole echo run of 8 processes
 * and 500 waves (every delivery also records its send: two trace events per delivery).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelDeliveriesBenchmark {
    private static final int NODES = 8;
    private static final int WAVES = 500;
    /** Each wave: every process pings 7 peers and gets 7 echoes. */
    private static final int DELIVERIES = NODES * WAVES * 2 * (NODES - 1);

    private ProtocolRegistry registry;
    private Recipe recipe;

    @Setup
    public void setUp() {
        registry = Protocols.registry();
        recipe = Recipe.of(EchoProtocol.ID, Map.of("n", NODES, "waves", WAVES), 1)
                .withBudgets(new Budgets(10_000_000, 10_000_000, 60_000, 64, 1L << 32));
    }

    @Benchmark
    @OperationsPerInvocation(DELIVERIES)
    public int echoRun() {
        Simulation sim = Simulation.start(recipe, registry);
        sim.runToEnd();
        if (!sim.endReason().completed()) {
            throw new IllegalStateException("benchmark run did not complete: " + sim.endReason());
        }
        return sim.trace().size();
    }
}
