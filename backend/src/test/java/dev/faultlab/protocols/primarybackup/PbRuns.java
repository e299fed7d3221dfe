package dev.faultlab.protocols.primarybackup;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Running primary-backup recipes in tests and reading what they show. */
final class PbRuns {
    private PbRuns() {
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    /** A recipe on a reliable FIFO network whose delays are drawn from 1 to {@code delta}. */
    static Recipe recipe(Map<String, Object> params, long seed, int delta, List<Fault> faults) {
        return Recipe.of(PrimaryBackup.ID, params, seed).withFaults(faults)
                .withNetwork(new NetworkSpec(Delay.uniform(1, delta), 0, 0, true, List.of()));
    }

    static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        sim.runToEnd();
        return sim;
    }

    static Monitor.Violation violation(Simulation sim, String property) {
        return sim.properties().stream().filter(p -> p.property().equals(property)).findFirst().orElseThrow().now().violation();
    }

    static List<PropertyStatus> properties(Simulation sim) {
        return sim.properties();
    }

    static String dump(Simulation sim) {
        return sim.recipe() + "\n" + sim.trace().events().stream().map(PbRuns::line).collect(Collectors.joining("\n"));
    }

    private static String line(TraceEvent e) {
        return e.seq() + " t=" + e.time() + " " + e.kind() + " P" + (e.node() + 1) + (e.peer() >= 0 ? " <-> P" + (e.peer() + 1) : "")
                + " " + e.payload() + (e.detail() == null ? "" : " [" + e.detail() + "]");
    }
}
