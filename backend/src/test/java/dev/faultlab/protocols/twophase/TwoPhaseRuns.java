package dev.faultlab.protocols.twophase;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.List;
import java.util.Map;

/** Running 2PC recipes in tests, and reading what the processes said and logged. */
final class TwoPhaseRuns {
    private TwoPhaseRuns() {
    }

    static Simulation run(Map<String, Object> params, List<Fault> faults) {
        return run(Recipe.of(TwoPhaseCommit.ID, params, 1).withFaults(faults));
    }

    static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runToEnd();
        return sim;
    }

    /** A fault-free run, set up but not yet stepped. */
    static Simulation start(Map<String, Object> params) {
        return Simulation.start(Recipe.of(TwoPhaseCommit.ID, params, 1), Protocols.registry());
    }

    /**
     * A crash armed just before the delivery of the {@code nth} (from 1) message of this type to {@code node}:
     * in the handler of that message the node reaches only {@code reaches}, then crashes. The event index is
     * found by a fault-free run, whose trace is the same up to that point.
     */
    static Fault crashWhileHandling(Map<String, Object> params, int node, String messageType, int nth,
                                    List<Integer> reaches) {
        Simulation faultFree = run(params, List.of());
        int seen = 0;
        for (TraceEvent event : faultFree.trace().events()) {
            if (event.kind() == EventKind.DELIVER && event.node() == node
                    && ((Message) event.payload()).type().equals(messageType) && ++seen == nth) {
                return Fault.at(0, FaultKind.CRASH, node, Map.of("reaches", reaches)).atEvent(event.seq());
            }
        }
        throw new IllegalArgumentException("no " + nth + "th " + messageType + " reaches P" + node);
    }

    static List<String> notes(Simulation sim, int node) {
        return sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.NOTE && e.node() == node)
                .map(e -> String.valueOf(e.payload()))
                .toList();
    }

    static List<State> log(Simulation sim, int node) {
        return LoggedState.entriesIn(sim.processes().get(node).stable()).stream().map(LogEntry::state).toList();
    }

    static Map<String, Object> view(Simulation sim, int node) {
        return sim.processes().get(node).state();
    }

    /** The trace as text, for a failing assertion's description. */
    static String dump(Simulation sim) {
        StringBuilder text = new StringBuilder();
        for (TraceEvent e : sim.trace().events()) {
            text.append(e.seq()).append(" t=").append(e.time()).append(' ').append(e.kind()).append(" P").append(e.node())
                    .append(e.peer() >= 0 ? " peer P" + e.peer() : "").append(' ').append(e.payload())
                    .append(e.detail() == null ? "" : " (" + e.detail() + ")").append('\n');
        }
        return text.toString();
    }
}
