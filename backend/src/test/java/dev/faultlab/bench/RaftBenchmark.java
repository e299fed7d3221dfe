package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.raft.RaftMonitors;
import dev.faultlab.protocols.raft.ServerSnapshot;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * Raft end to end: 5 servers, 10 clients making 1,000 requests each (10,000 in all), and the leader crashed
 * live once half of them are answered. Prints the trace events per CPU-second of the whole run (the crash
 * included) and the heap the finished run keeps per trace event. Run with
 * {@code mvn -B -pl backend test-compile} then
 * {@code mvn -B -pl backend exec:java -Dexec.mainClass=dev.faultlab.bench.RaftBenchmark -Dexec.classpathScope=test -Dexec.args="3"}
 * (the argument: how many runs; the first ones warm the JIT up, the last is reported).
 */
public final class RaftBenchmark {
    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 1_000;

    private RaftBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Recipe recipe = Recipe.of(Raft.ID, Map.of("n", 5, "clients", CLIENTS, "requests", REQUESTS_PER_CLIENT,
                        "runFor", 8_000), 1)
                .withBudgets(new Budgets(10_000_000, 10_000_000, 600_000, 64, 1L << 40));
        for (int run = 1; run <= runs; run++) {
            long before = usedAfterGc();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Simulation sim = runWithLeaderCrash(recipe);
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            long after = usedAfterGc();
            int events = sim.trace().size();
            System.out.printf("run %d: events=%d replies=%d lastTime=%d cpu=%.3f s eventsPerCpuSecond=%.0f retained=%d bytes "
                            + "bytesPerEvent=%.1f (end: %s)%n", run, events, replies(sim.trace(), 0), sim.now(), cpuNanos / 1e9,
                    events / (cpuNanos / 1e9), after - before, (after - before) / (double) events, sim.endReason().code());
        }
    }

    /** Runs to the end, crashing the leader live as soon as half the requests are answered. */
    static Simulation runWithLeaderCrash(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        int half = CLIENTS * REQUESTS_PER_CLIENT / 2;
        int answered = 0;
        int seen = 0;
        while (!sim.ended() && answered < half) {
            sim.step();
            answered = replies(sim.trace(), seen) + answered;
            seen = sim.trace().size();
        }
        int leader = RaftMonitors.snapshots(sim).stream().filter(ServerSnapshot::leader).mapToInt(ServerSnapshot::id)
                .findFirst().orElseThrow(() -> new IllegalStateException("no leader after " + half + " answers"));
        sim.inject(new Fault(null, null, FaultKind.CRASH, leader, Map.of()));
        sim.runToEnd();
        if (replies(sim.trace(), 0) < CLIENTS * REQUESTS_PER_CLIENT) {
            throw new IllegalStateException("only " + replies(sim.trace(), 0) + " requests were answered: " + sim.endReason());
        }
        return sim;
    }

    private static int replies(Trace trace, int from) {
        int count = 0;
        for (int seq = from; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.OUTPUT && trace.event(seq).payload() instanceof Output.Reply) {
                count++;
            }
        }
        return count;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
