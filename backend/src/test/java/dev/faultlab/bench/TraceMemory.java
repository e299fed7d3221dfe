package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * Bytes of heap a finished run keeps per trace event: the heap in use after a full GC, with and without
 * a finished echo run of several million events held alive. Everything the run retains counts (trace
 * columns, shared message objects, nodes), not only the trace arrays.
 */
public final class TraceMemory {
    private TraceMemory() {
    }

    public static void main(String[] args) {
        int waves = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Recipe recipe = Recipe.of(EchoProtocol.ID, Map.of("n", 8, "waves", waves), 1)
                .withBudgets(new Budgets(100_000_000, 100_000_000, 600_000, 64, 1L << 40));
        long before = usedAfterGc();
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runToEnd();
        long after = usedAfterGc();
        int events = sim.trace().size();
        System.out.printf("events=%d retained=%d bytes bytesPerEvent=%.1f (end: %s)%n",
                events, after - before, (after - before) / (double) events, sim.endReason().code());
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
