package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.pbft.MessageCount;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * PBFT, fault-free, one client making {@link #REQUESTS} requests, for k = 1 to 5 (n = 3k + 1 = 4 to 16): prints
 * the messages per request beside n² and 2n², and the trace events per CPU-second of each run. Run with
 * {@code mvn -B -pl backend test-compile} then
 * {@code mvn -B -pl backend exec:java -Dexec.mainClass=dev.faultlab.bench.PbftBenchmark -Dexec.classpathScope=test -Dexec.args="3"}
 * (the argument: how many rounds over k = 1..5; the first ones warm the JIT up, the last is reported).
 */
public final class PbftBenchmark {
    private static final int REQUESTS = 1_000;

    private PbftBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d%n", round);
            for (int k = 1; k <= 5; k++) {
                Recipe recipe = MessageCount.recipe(k, REQUESTS, 1).withBudgets(new Budgets(50_000_000, 10_000_000, 600_000, 64, 1L << 40));
                long cpuStart = threads.getCurrentThreadCpuTime();
                Simulation run = Simulation.start(recipe, Protocols.registry());
                run.runToEnd();
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                MessageCount.Count count = MessageCount.of(run);
                int n = count.n();
                System.out.printf("  k=%d n=%2d accepted=%d messagesPerRequest=%.1f n^2=%d ratio=%.2f events=%d cpu=%.3f s "
                                + "eventsPerCpuSecond=%.0f (end: %s)%n", k, n, count.accepted(), count.perRequest(), n * n,
                        count.perRequest() / (n * n), run.trace().size(), cpu, run.trace().size() / cpu, run.endReason().code());
            }
        }
    }
}
