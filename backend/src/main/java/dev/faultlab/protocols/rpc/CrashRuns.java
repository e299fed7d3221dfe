package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one call of one client against a server that crashes at one of the six points and recovers
 * {@link #DOWNTIME} ticks later, and counts how often the server carried the call out. The crash point is found
 * in the run without a crash: the events of M (the server sends the completion message) and of P (the commit of
 * the work); the crash lands right before the first, right before the second, or at the instant after both.
 */
public final class CrashRuns {
    public static final int DOWNTIME = 4;
    private static final CallId CALL = new CallId(1, 1);

    private CrashRuns() {
    }

    /** A run of {@code scenario}'s parameters with this strategy and crash, and what came of the call. */
    public record CrashRun(Strategy strategy, ServerCrash crash, Simulation run, Outcome outcome) {
    }

    public static CrashRun run(ProtocolRegistry registry, Recipe scenario, Strategy strategy, ServerCrash crash) {
        Recipe base = new Recipe(Rpc.ID, oneCall(scenario.params(), strategy, crash.order()), scenario.seed(), List.of(),
                scenario.network(), scenario.budgets());
        Simulation plain = Simulation.start(base, registry);
        plain.runToEnd();
        List<TraceEvent> events = plain.trace().events();
        TraceEvent m = events.stream().filter(CrashRuns::isM).findFirst()
                .orElseThrow(() -> new IllegalStateException("the server never sent the completion message in " + base));
        TraceEvent p = events.stream().filter(CrashRuns::isP).findFirst()
                .orElseThrow(() -> new IllegalStateException("the server never carried out the call in " + base));
        TraceEvent first = m.seq() < p.seq() ? m : p;
        TraceEvent second = m.seq() < p.seq() ? p : m;
        Fault down = switch (crash.point()) {
            case BEFORE_BOTH -> new Fault(null, (long) first.seq(), FaultKind.CRASH, RpcConfig.SERVER, Map.of());
            case BETWEEN -> new Fault(null, (long) second.seq(), FaultKind.CRASH, RpcConfig.SERVER, Map.of());
            case AFTER_BOTH -> Fault.at(second.time() + 1, FaultKind.CRASH, RpcConfig.SERVER);
        };
        long crashTime = crash.point() == ServerCrash.Point.AFTER_BOTH ? second.time() + 1
                : events.get((int) (long) down.atEvent() - 1).time();
        Recipe crashed = base.withFaults(List.of(down, Fault.at(crashTime + DOWNTIME, FaultKind.RECOVER, RpcConfig.SERVER)));
        Simulation run = Simulation.start(crashed, registry);
        run.runToEnd();
        return new CrashRun(strategy, crash, run, Outcome.of(executions(run)));
    }

    /** How often the server carried out the client's first call. */
    public static int executions(Simulation run) {
        Executions executions = new Executions();
        run.trace().events().forEach(executions::read);
        return executions.of(CALL).size();
    }

    private static boolean isM(TraceEvent event) {
        return event.kind() == EventKind.SEND && event.node() == RpcConfig.SERVER && event.payload() instanceof Done;
    }

    private static boolean isP(TraceEvent event) {
        return event.node() == RpcConfig.SERVER && Output.of(event) instanceof Output.Commit;
    }

    private static Map<String, Object> oneCall(Map<String, Object> params, Strategy strategy, Order order) {
        Map<String, Object> changed = new LinkedHashMap<>(params);
        changed.put("clients", 1);
        changed.put("calls", 1);
        changed.put("remedy", Remedy.NONE.id());
        changed.put("strategy", strategy.id());
        changed.put("order", order.name());
        return changed;
    }
}
