package dev.faultlab.protocols.rpc;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs RPC recipes with their monitors, and reads what tests ask about them. */
final class RpcRuns {
    static final ProtocolRegistry REGISTRY = Protocols.registry();

    private RpcRuns() {
    }

    static Recipe recipe(Map<String, Object> params, long seed, List<Fault> faults) {
        return Recipe.of(Rpc.ID, params, seed).withFaults(faults);
    }

    static Simulation run(Recipe recipe) {
        Simulation run = Simulation.start(recipe, REGISTRY, MonitorSource.PROTOCOL);
        run.runToEnd();
        return run;
    }

    static PropertyStatus.Change verdict(Simulation run, String property) {
        return run.properties().stream().filter(p -> p.property().equals(property)).findFirst().orElseThrow().now();
    }

    static boolean holds(Simulation run, String property) {
        return verdict(run, property).status() == PropertyStatus.Status.HOLDS;
    }

    /** Every event of the given kind at the node whose payload is of the given type. */
    static List<TraceEvent> events(Simulation run, EventKind kind, int node, Class<?> payload) {
        return run.trace().events().stream().filter(e -> e.kind() == kind && e.node() == node && payload.isInstance(e.payload())).toList();
    }

    static List<Execution> executions(Simulation run) {
        return run.trace().events().stream().map(Output::of).filter(o -> o instanceof Output.Commit c && c.entry() instanceof Execution)
                .map(o -> (Execution) ((Output.Commit) o).entry()).toList();
    }

    static List<String> replies(Simulation run, int client) {
        return run.trace().events().stream().map(Output::of).filter(o -> o instanceof Output.Reply r && r.client() == client)
                .map(o -> String.valueOf(((Output.Reply) o).result())).toList();
    }

    static List<String> states(Simulation run, int node) {
        return run.trace().events().stream().filter(e -> e.node() == node && (e.kind() == EventKind.STATE || e.kind() == EventKind.NOTE))
                .map(e -> String.valueOf(e.payload())).toList();
    }

    static String dump(Simulation run) {
        return run.trace().events().stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }
}
