package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * The workload of {@link KernelDeliveriesBenchmark}, timed by the thread's CPU time instead of the wall
 * clock: on a machine shared with other builds, wall-clock throughput measures the neighbours too,
 * while CPU time counts only the time this thread actually ran on a core.
 */
public final class DeliveriesPerCpuSecond {
    private DeliveriesPerCpuSecond() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int nodes = 8;
        int waves = 500;
        long deliveries = (long) nodes * waves * 2 * (nodes - 1);
        ProtocolRegistry registry = Protocols.registry();
        Recipe recipe = Recipe.of(EchoProtocol.ID, Map.of("n", nodes, "waves", waves), 1)
                .withBudgets(new Budgets(10_000_000, 10_000_000, 60_000, 64, 1L << 32));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warmup = 0; warmup < 200; warmup++) {
            run(recipe, registry);
        }
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            int runs = 40;
            for (int i = 0; i < runs; i++) {
                run(recipe, registry);
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            System.out.printf("round %d: %.0f deliveries per CPU second (%.0f per wall-clock second)%n",
                    round, runs * deliveries / cpuSeconds, runs * deliveries / wallSeconds);
        }
    }

    private static void run(Recipe recipe, ProtocolRegistry registry) {
        Simulation sim = Simulation.start(recipe, registry);
        sim.runToEnd();
        if (!sim.endReason().completed()) {
            throw new IllegalStateException("benchmark run did not complete: " + sim.endReason());
        }
    }
}
