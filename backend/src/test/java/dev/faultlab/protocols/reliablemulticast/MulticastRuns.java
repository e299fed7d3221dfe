package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recipes, runs and trace readings shared by the reliable multicast tests. */
final class MulticastRuns {
    private MulticastRuns() {
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static Recipe recipe(Map<String, Object> params, long seed, List<Fault> faults, double loss) {
        return new Recipe(ReliableMulticast.ID, params, seed, faults, new NetworkSpec(null, loss, 0, true), null, List.of());
    }

    /** The first transmission of message {@code seq} from P1 to {@code receiver} is lost: the link is down while it is sent. */
    static List<Fault> lose(int seq, int receiver, int interval) {
        long at = (long) seq * interval;
        Map<String, Object> link = Map.of("to", receiver, "oneWay", true);
        return List.of(Fault.at(at, FaultKind.LINK_DOWN, 0, link), Fault.at(at + 1, FaultKind.LINK_UP, 0, link));
    }

    static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        sim.runToEnd();
        return sim;
    }

    static List<Verdict> verdicts(Simulation sim) {
        return sim.monitors().stream().map(Verdict::of).toList();
    }

    static Verdict verdict(Simulation sim, String property) {
        return verdicts(sim).stream().filter(v -> v.property().equals(property)).findFirst().orElseThrow();
    }

    /** The messages (labels) delivered at {@code node}, in order. */
    static List<String> delivered(Simulation sim, int node) {
        List<String> labels = new ArrayList<>();
        for (TraceEvent event : sim.trace().events()) {
            Delivered delivery = Delivered.of(event);
            if (delivery != null && delivery.node() == node) {
                labels.add(delivery.label());
            }
        }
        return labels;
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
}
