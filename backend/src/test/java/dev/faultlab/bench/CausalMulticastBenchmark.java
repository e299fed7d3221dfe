package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.omcast.OrderedMulticast;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The cost of causal multicast's vector clocks per delivery against the group's size, beside FIFO multicast on the
 * same workload, measured in turns so both see the same machine: each member multicasts {@code PER_MEMBER}
 * messages over a network that reorders (delays 1 to 10 ticks), so both hold messages back. Prints, per group size,
 * the median CPU time per delivery of each ordering over the measured runs and their ratio. Run with
 * {@code mvn -B -pl backend test-compile} then
 * {@code mvn -B -pl backend exec:java -Dexec.mainClass=dev.faultlab.bench.CausalMulticastBenchmark -Dexec.classpathScope=test -Dexec.args="5"}
 * (the argument: measured runs per size and ordering, after as many warm-up runs).
 */
public final class CausalMulticastBenchmark {
    private static final int PER_MEMBER = 20;
    private static final int[] SIZES = {4, 8, 16, 32};

    private CausalMulticastBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("members deliveries fifo-ns/delivery causal-ns/delivery causal/fifo");
        for (int n : SIZES) {
            List<Double> fifo = new ArrayList<>();
            List<Double> causal = new ArrayList<>();
            int deliveries = 0;
            for (int run = -runs; run < runs; run++) {
                for (String ordering : List.of("fifo", "causal")) {
                    long start = threads.getCurrentThreadCpuTime();
                    Simulation sim = Simulation.start(recipe(n, ordering, run), Protocols.registry());
                    sim.runToEnd();
                    long nanos = threads.getCurrentThreadCpuTime() - start;
                    deliveries = deliveries(sim.trace());
                    if (deliveries != n * n * PER_MEMBER) {
                        throw new IllegalStateException(ordering + " n=" + n + ": " + deliveries + " deliveries, " + sim.endReason());
                    }
                    if (run >= 0) {
                        (ordering.equals("fifo") ? fifo : causal).add(nanos / (double) deliveries);
                    }
                }
            }
            double f = median(fifo);
            double c = median(causal);
            System.out.printf("%d %d %.0f %.0f %.2f%n", n, deliveries, f, c, c / f);
        }
    }

    private static Recipe recipe(int n, String ordering, int run) {
        return Recipe.of(OrderedMulticast.ID, Map.of("n", n, "ordering", ordering, "count", PER_MEMBER, "spread", 200,
                        "runFor", 1_000), 1_000 + run)
                .withNetwork(new NetworkSpec(Delay.uniform(1, 10), 0, 0, false, List.of()))
                .withBudgets(new Budgets(10_000_000, 10_000_000, 600_000, 64, 1L << 40));
    }

    private static int deliveries(Trace trace) {
        int count = 0;
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.OUTPUT) {
                count++;
            }
        }
        return count;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
