package dev.faultlab.bench;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.sim.Recipe;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;

/**
 * FaultLab's half of the side-by-side with DSLabs (docs/PERFORMANCE.md, "Explorer"): the breadth-first search on
 * {@link PingPong}, DSLabs' lab 0 written for FaultLab, to a depth bound, no faults injected (DSLabs' search injects
 * none either), twice in one JVM (the first warms the JIT up). Arguments: clients, pings, depth bound, seconds. Prints
 * states looked at, distinct states and their rates per second of the process's CPU, and the load average.
 */
public final class PingPongSearchBench {
    private PingPongSearchBench() {
    }

    public static void main(String[] args) {
        int clients = Integer.parseInt(args[0]);
        int pings = Integer.parseInt(args[1]);
        int depth = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Recipe recipe = Recipe.of(PingPong.ID, Map.of("clients", clients, "pings", pings), 1);
        for (int round = 0; round < 2; round++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            SearchResult result = new Search(PingPong.registry(), recipe,
                    new SearchBounds(depth, 0, 0, 50_000_000, seconds * 1000, 0, 1, 1), Set.of(), progress -> { }, () -> false).run();
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            System.out.printf("FAULTLAB round %d: %d clients, pings %d, depth bound %d: %s, %d states looked at, %d distinct, depth %d; "
                            + "wall %.2f s, process CPU %.2f s: %.0f states/s, %.0f distinct/s per CPU second; load %.2f%n",
                    round, clients, pings, depth, result.outcome(), result.progress().explored(), result.progress().distinct(),
                    result.progress().depth(), wallSeconds, cpuSeconds, result.progress().explored() / cpuSeconds,
                    result.progress().distinct() / cpuSeconds, os.getSystemLoadAverage());
        }
    }
}
