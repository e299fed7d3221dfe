package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.paxos.Op;
import dev.faultlab.protocols.paxos.SlidesPaxos;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * Paxos as the slides build it, end to end: 3 servers, 10 clients making 1,000 requests each (10,000 operations),
 * and the leader S1 crashed live once S2 has executed half of them, so S2 takes over and flushes. Prints the trace
 * events per CPU-second of the whole run, without monitors and with the protocol's three monitors, side by side in
 * each round. Run with {@code mvn -B -pl backend test-compile} then
 * {@code mvn -B -pl backend exec:java -Dexec.mainClass=dev.faultlab.bench.PaxosBenchmark -Dexec.classpathScope=test -Dexec.args="3"}
 * (the argument: how many rounds; the first ones warm the JIT up).
 */
public final class PaxosBenchmark {
    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 1_000;
    private static final int OPERATIONS = CLIENTS * REQUESTS_PER_CLIENT;

    private PaxosBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Recipe recipe = Recipe.of(SlidesPaxos.ID, Map.of("n", 3, "clients", CLIENTS, "requests", REQUESTS_PER_CLIENT,
                        "runFor", 20_000), 1)
                .withBudgets(new Budgets(10_000_000, 10_000_000, 600_000, 64, 1L << 40));
        for (int round = 1; round <= rounds; round++) {
            for (boolean monitored : new boolean[] {false, true}) {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpuStart = threads.getCurrentThreadCpuTime();
                Simulation sim = runWithLeaderCrash(recipe, monitored);
                long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
                int events = sim.trace().size();
                System.out.printf("round %d %s: events=%d executedByS2=%d lastTime=%d cpu=%.3f s eventsPerCpuSecond=%.0f (end: %s)%n",
                        round, monitored ? "with monitors   " : "without monitors", events, executed(sim.trace(), 1, 0), sim.now(),
                        cpuNanos / 1e9, events / (cpuNanos / 1e9), sim.endReason().code());
            }
        }
    }

    /** Runs to the end, crashing S1 live as soon as S2 has executed half the operations. */
    static Simulation runWithLeaderCrash(Recipe recipe, boolean monitored) {
        Simulation sim = monitored ? Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL)
                : Simulation.start(recipe, Protocols.registry());
        int done = 0;
        int seen = 0;
        while (!sim.ended() && done < OPERATIONS / 2) {
            sim.step();
            done += executed(sim.trace(), 1, seen);
            seen = sim.trace().size();
        }
        sim.inject(new Fault(null, null, FaultKind.CRASH, 0, Map.of()));
        sim.runToEnd();
        int all = executed(sim.trace(), 1, 0);
        if (all < OPERATIONS) {
            throw new IllegalStateException("S2 executed only " + all + " operations: " + sim.endReason());
        }
        if (monitored && sim.monitors().stream().anyMatch(m -> m.violation() != null)) {
            throw new IllegalStateException("a monitor found a violation");
        }
        return sim;
    }

    /** Client operations {@code server} executed among the events from {@code from} on. */
    private static int executed(Trace trace, int server, int from) {
        int count = 0;
        for (int seq = from; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.OUTPUT && trace.event(seq).node() == server
                    && Output.of(trace.event(seq)) instanceof Output.Commit commit && commit.entry() instanceof Op op && op.fromClient()) {
                count++;
            }
        }
        return count;
    }
}
