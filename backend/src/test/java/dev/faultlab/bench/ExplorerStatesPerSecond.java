package dev.faultlab.bench;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
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
 * at and distinct states, their rates per second of the search's thread, and the visited set's bytes per state.
 * The visited set holds at most 16 bytes per distinct state (see VisitedStates). Argument: the search's time cap
 * per workload in seconds (default 60).
 */
public final class ExplorerStatesPerSecond {
    private ExplorerStatesPerSecond() {
    }

    record Workload(String name, Recipe recipe, SearchBounds bounds) {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
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
            long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            SearchResult result = new Search(registry, workload.recipe(), workload.bounds(), Set.of(), progress -> { }, () -> false).run();
            double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            System.out.printf("%s: %s, %d states looked at, %d distinct, depth %d, %.1f s CPU: %.0f states/s, %.0f distinct/s; load %.1f%n",
                    workload.name(), result.outcome(), result.progress().explored(), result.progress().distinct(),
                    result.progress().depth(), cpu, result.progress().explored() / cpu, result.progress().distinct() / cpu,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (result.violation() != null) {
                System.out.println("  " + result.violation().property() + ": " + result.violation().explanation());
            }
        }
    }
}
