package dev.faultlab.bench;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.protocols.reliablemulticast.Traffic;
import dev.faultlab.protocols.reliablemulticast.Variant;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

/**
 * Reliable multicast to 64 receivers over a network that loses 1% of all messages: P1 multicasts 500 messages,
 * once per feedback scheme, side by side in one JVM, with the protocol's monitors following the run as the run
 * view's do. Prints trace events per CPU-second of each run and checks every monitor held. Run with
 * {@code mvn -B -pl backend test-compile} then
 * {@code mvn -B -pl backend exec:java -Dexec.mainClass=dev.faultlab.bench.ReliableMulticastBenchmark -Dexec.classpathScope=test -Dexec.args="3"}
 * (the argument: how many rounds over the schemes; the first ones warm the JIT up, the last is the one to quote).
 */
public final class ReliableMulticastBenchmark {
    static final int RECEIVERS = 64;
    static final int MESSAGES = 500;
    static final double LOSS = 0.01;

    private ReliableMulticastBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (Variant scheme : Variant.values()) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                Simulation sim = Simulation.start(recipe(scheme), Protocols.registry(), MonitorSource.PROTOCOL);
                sim.runToEnd();
                long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
                List<Verdict> verdicts = sim.monitors().stream().map(Verdict::of).toList();
                if (!verdicts.stream().allMatch(Verdict::holds) || !sim.endReason().completed()) {
                    throw new IllegalStateException(scheme.id() + ": " + verdicts + " " + sim.endReason());
                }
                int events = sim.trace().size();
                System.out.printf("round %d %-11s events=%d feedbackAtSender=%d cpu=%.3f s eventsPerCpuSecond=%.0f%n", round,
                        scheme.id(), events, Traffic.feedbackAtSender(sim), cpuNanos / 1e9, events / (cpuNanos / 1e9));
            }
        }
    }

    static Recipe recipe(Variant scheme) {
        Map<String, Object> params = Map.of("n", RECEIVERS + 1, "messages", MESSAGES, "variant", scheme.id(),
                "groupSize", 8, "runFor", MESSAGES * 2 + 200);
        return new Recipe(ReliableMulticast.ID, params, 1, List.of(), new NetworkSpec(null, LOSS, 0, true),
                new Budgets(50_000_000, 10_000_000, 600_000, RECEIVERS + 1, 1L << 40), List.of());
    }
}
