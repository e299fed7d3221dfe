package dev.faultlab.protocols.pbft;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running PBFT recipes in tests and reading what they show. */
final class PbftRuns {
    private PbftRuns() {
    }

    static Recipe recipe(Map<String, Object> params, long seed, List<Fault> faults) {
        return Recipe.of(Pbft.ID, params, seed).withFaults(faults);
    }

    static PbftMonitors.Watched watch(Recipe recipe) {
        return PbftMonitors.watch(recipe, Protocols.registry());
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static Fault byzantine(int node, String behaviour) {
        return new Fault(0L, null, FaultKind.BYZANTINE, node, Map.of("behaviour", behaviour));
    }

    /** What the clients accepted, in order. */
    static List<Accepted> accepted(Simulation sim) {
        return sim.trace().events().stream().map(Output::of)
                .filter(o -> o instanceof Output.Deliver d && d.message() instanceof Accepted)
                .map(o -> (Accepted) ((Output.Deliver) o).message()).toList();
    }

    /** The operations replica {@code node} executed, as "t:command". */
    @SuppressWarnings("unchecked")
    static List<String> executed(Simulation sim, int node) {
        return (List<String>) sim.processes().get(node).state().get("executed");
    }

    static int viewOf(Simulation sim, int node) {
        return (Integer) sim.processes().get(node).state().get("view");
    }

    /** The trace as text, for a failing assertion's description. */
    static String dump(Simulation sim) {
        StringBuilder text = new StringBuilder();
        for (TraceEvent e : sim.trace().events()) {
            text.append(e.seq()).append(" t=").append(e.time()).append(' ').append(e.kind()).append(" P").append(e.node() + 1)
                    .append(e.peer() >= 0 ? " peer P" + (e.peer() + 1) : "").append(' ').append(e.payload())
                    .append(e.detail() == null ? "" : " (" + e.detail() + ")").append('\n');
        }
        return text.toString();
    }

    static long count(Simulation sim, EventKind kind) {
        return sim.trace().events().stream().filter(e -> e.kind() == kind).count();
    }
}
