package dev.faultlab.protocols.messagelogging;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs message-logging recipes with their monitors, and reads what tests ask about them. */
final class LoggingRuns {
    static final ProtocolRegistry REGISTRY = Protocols.registry();
    static final int P = 0;
    static final int Q = 1;
    static final int R = 2;

    private LoggingRuns() {
    }

    static Map<String, Object> params(String logging, String mode) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("logging", logging);
        params.put("mode", mode);
        return params;
    }

    /** The slides' example with Q (P2) crashing at {@code crashAt} and recovering at 40. */
    static Recipe slides(Map<String, Object> params, long crashAt) {
        return Recipe.of(MessageLogging.ID, params, 1).withFaults(List.of(Fault.at(crashAt, FaultKind.CRASH, Q),
                Fault.at(40, FaultKind.RECOVER, Q)));
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

    static List<String> notes(Simulation run, int node) {
        return run.trace().events().stream().filter(e -> e.node() == node && (e.kind() == EventKind.STATE || e.kind() == EventKind.NOTE))
                .map(e -> e.time() + " " + e.payload()).toList();
    }

    static String dump(Simulation run) {
        return run.trace().events().stream().map(e -> e.seq() + " t" + e.time() + " " + e.kind() + " P" + (e.node() + 1)
                + (e.peer() >= 0 ? " peer P" + (e.peer() + 1) : "") + " " + e.payload()).collect(Collectors.joining("\n"));
    }
}
