package dev.faultlab.protocols.failuredetector;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs of the failure detector with its monitors, and what tests read from them. */
final class DetectorRuns {
    private DetectorRuns() {
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static Recipe recipe(Map<String, Object> params, long seed, List<Fault> faults) {
        return Recipe.of(FailureDetector.ID, params, seed).withFaults(faults);
    }

    /** The run to its end, its monitors fed as it went. */
    static Simulation watched(Recipe recipe) {
        Simulation run = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        run.runToEnd();
        return run;
    }

    static Verdict verdict(Simulation run, String property) {
        return run.monitors().stream().filter(m -> m.property().equals(property)).map(Verdict::of).findFirst().orElseThrow();
    }

    static int falseSuspicions(Simulation run) {
        return run.monitors().stream().filter(m -> m instanceof FalseSuspicions).map(m -> ((FalseSuspicions) m).count()).findFirst().orElseThrow();
    }

    /** "P1 suspects P3 at t=76", "P1 trusts P3 at t=91": every suspect and trust output in order. */
    static List<String> outputs(Simulation run) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.OUTPUT).map(DetectorRuns::describe).toList();
    }

    private static String describe(TraceEvent e) {
        Output output = (Output) e.payload();
        int about = output instanceof Output.Suspect s ? s.node() : ((Output.Trust) output).node();
        return "P" + (e.node() + 1) + " " + output.kind() + "s P" + (about + 1) + " at t=" + e.time();
    }

    static String dump(Simulation sim) {
        StringBuilder text = new StringBuilder(sim.recipe().toString()).append('\n');
        for (TraceEvent e : sim.trace().events()) {
            text.append(e.seq()).append(" t=").append(e.time()).append(' ').append(e.kind()).append(" P").append(e.node() + 1)
                    .append(e.peer() >= 0 ? " peer P" + (e.peer() + 1) : "").append(' ').append(e.payload())
                    .append(e.detail() == null ? "" : " (" + e.detail() + ")").append('\n');
        }
        return text.toString();
    }

    static List<String> notes(Simulation run, int node) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.NOTE && e.node() == node)
                .map(e -> String.valueOf(e.payload())).toList();
    }

    /** {@code observer}'s timeout for {@code peer} at the end, as its state shows it. */
    static long timeout(Simulation run, int observer, int peer) {
        List<?> peers = (List<?>) run.processes().get(observer).state().get("peers");
        return peers.stream().map(p -> (Map<?, ?>) p).filter(p -> ((Number) p.get("peer")).intValue() == peer)
                .mapToLong(p -> ((Number) p.get("timeout")).longValue()).findFirst().orElseThrow();
    }
}
