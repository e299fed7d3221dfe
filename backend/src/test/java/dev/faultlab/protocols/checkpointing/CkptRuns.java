package dev.faultlab.protocols.checkpointing;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Running checkpointing recipes in tests and reading what they show. */
final class CkptRuns {
    /**
     * The lecture's domino example: P1 and P2 exchange messages and each checkpoints right after a message arrives and
     * before it sends the next, so every checkpoint records a receipt whose sending the other's checkpoint lacks.
     */
    static final List<String> DOMINO = List.of("P1 -> P2", "P2 checkpoint", "P2 -> P1", "P1 checkpoint", "P1 -> P2",
            "P2 checkpoint", "P2 -> P1", "P1 checkpoint", "P1 -> P2");

    private CkptRuns() {
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static Simulation run(Map<String, Object> params, long seed, List<Fault> faults) {
        Simulation sim = Simulation.start(Recipe.of(Checkpointing.ID, params, seed).withFaults(faults), Protocols.registry(),
                MonitorSource.PROTOCOL);
        sim.runToEnd();
        return sim;
    }

    static Monitor.Violation violation(Simulation sim, String property) {
        return sim.properties().stream().filter(p -> p.property().equals(property)).findFirst().orElseThrow().now().violation();
    }

    static List<Output.Cut> cuts(Simulation sim, String prefix) {
        return sim.trace().events().stream().map(Output::of).filter(o -> o instanceof Output.Cut cut && cut.name().startsWith(prefix))
                .map(o -> (Output.Cut) o).toList();
    }

    /** The labels of the checkpoints each process took, in order (P1 first). */
    static List<List<String>> checkpoints(Simulation sim, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(node -> sim.trace().events().stream()
                .filter(e -> e.node() == node).map(Output::of).filter(o -> o instanceof Output.Checkpoint)
                .map(o -> ((Output.Checkpoint) o).label()).toList()).toList();
    }

    static List<String> notes(Simulation sim) {
        return sim.trace().events().stream().filter(e -> e.kind() == dev.faultlab.sim.EventKind.NOTE)
                .map(e -> Objects.toString(e.payload())).toList();
    }

    static String dump(Simulation sim) {
        return sim.recipe() + "\n" + sim.trace().events().stream().map(CkptRuns::line).collect(Collectors.joining("\n"));
    }

    private static String line(TraceEvent e) {
        return e.seq() + " t=" + e.time() + " " + e.kind() + " P" + (e.node() + 1) + (e.peer() >= 0 ? " <-> P" + (e.peer() + 1) : "")
                + " " + e.payload() + (e.detail() == null ? "" : " [" + e.detail() + "]");
    }
}
