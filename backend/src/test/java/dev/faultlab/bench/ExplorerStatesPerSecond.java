package dev.faultlab.bench;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchProgress;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explorer's speed and state spaces on the three workloads: 2PC with three participants and one crash,
 * flooding with n = 4 and f = 2, Raft with three servers and one partition. For each: the outcome, states looked
 * at and distinct states, their rates per second of the search's thread, and the heap the search holds per distinct
 * state: every 5 s the progress callback runs a full GC and reads the heap in use above what it was before the
 * search, which counts the visited set, the frontier with each waiting state's expansion, and the tree of paths
 * the frontier's recipes share; the largest of those readings over the distinct states at that time is printed.
 * Arguments: the search's time cap per workload in seconds (default 60), and "off" to turn the partial-order
 * reduction off.
 */
public final class ExplorerStatesPerSecond {
    private ExplorerStatesPerSecond() {
    }

    record Workload(String name, Recipe recipe, SearchBounds bounds) {
    }

    /** Heap in use after a full GC, above what it was when the search began, per distinct state so far. */
    private static final class HeapPerState {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private final long baseline = usedAfterGc();
        private long last = System.nanoTime();
        /** The search thread's CPU spent in the GCs asked for here, which the rates leave out. */
        long gcNanos;
        double mostBytesPerState;
        int readings;

        void sample(SearchProgress progress) {
            if (System.nanoTime() - last < EVERY_NANOS || progress.distinct() == 0) {
                return;
            }
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long used = usedAfterGc() - baseline;
            gcNanos += ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
            mostBytesPerState = Math.max(mostBytesPerState, (double) used / progress.distinct());
            readings++;
            last = System.nanoTime();
        }

        private static long usedAfterGc() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        boolean reduction = args.length < 2 || !args[1].equals("off");
        ProtocolRegistry registry = Protocols.registry();
        List<Workload> workloads = List.of(
                new Workload("2PC, 3 participants, 1 crash", Recipe.of("twophase", Map.of("participants", 3,
                        "votes", List.of("commit", "commit", "commit"), "maxRetries", 1), 1),
                        new SearchBounds(200, 1, 0, 50_000_000, seconds * 1000, 0, 1, 1)),
                new Workload("flooding, n = 4, f = 2", Recipe.of("flooding", Map.of("n", 4, "f", 2, "values", List.of(1, 2, 3, 4)), 1),
                        new SearchBounds(200, 2, 0, 50_000_000, seconds * 1000, 0, 1, 1)),
                new Workload("Raft, 3 servers, one partition", Recipe.of("raft", Map.of("n", 3, "clients", 1, "requests", 1,
                        "runFor", 300), 1).withFault(Fault.network(100, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0),
                        List.of(1, 2, 3))))), new SearchBounds(200, 0, 0, 50_000_000, seconds * 1000, 0, 1, 1)));
        for (Workload workload : workloads) {
            HeapPerState heap = new HeapPerState();
            long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            SearchResult result = new Search(registry, workload.recipe(), workload.bounds().withReduction(reduction), Set.of(),
                    heap::sample, () -> false).run();
            double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore - heap.gcNanos) / 1e9;
            System.out.printf("%s: %s, %d states looked at, %d distinct, depth %d, %.1f s CPU: %.0f states/s, %.0f distinct/s; load %.1f%n",
                    workload.name(), result.outcome(), result.progress().explored(), result.progress().distinct(),
                    result.progress().depth(), cpu, result.progress().explored() / cpu, result.progress().distinct() / cpu,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("  heap per distinct state, frontier and paths included: %.0f bytes (largest of %d readings)%n",
                    heap.mostBytesPerState, heap.readings);
            if (result.violation() != null) {
                System.out.println("  " + result.violation().property() + ": " + result.violation().explanation());
            }
        }
    }
}
