package dev.faultlab.protocols.paxos;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running Paxos recipes in tests and reading what the servers executed. */
final class PaxosRuns {
    private PaxosRuns() {
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static PaxosMonitors.Watched watch(Recipe recipe) {
        return PaxosMonitors.watch(recipe, Protocols.registry());
    }

    static Fault request(long at, int client, String command) {
        return Fault.at(at, FaultKind.REQUEST, client, Map.of("command", command));
    }

    /** What each of the first {@code servers} processes executed, as the state inspector shows it at the end. */
    static List<List<String>> executed(Simulation sim, int servers) {
        List<List<String>> all = new ArrayList<>();
        for (int server = 0; server < servers; server++) {
            Object ops = sim.processes().get(server).state().get("executedOps");
            List<String> names = new ArrayList<>();
            if (ops instanceof List<?> list) {
                list.forEach(op -> names.add(String.valueOf(op)));
            }
            all.add(names);
        }
        return all;
    }

    static List<String> notes(Simulation sim, int node) {
        return sim.trace().events().stream()
                .filter(e -> (e.kind() == EventKind.NOTE || e.kind() == EventKind.STATE) && e.node() == node)
                .map(e -> String.valueOf(e.payload()))
                .toList();
    }

    static long sent(Simulation sim, String type) {
        return sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.payload() instanceof dev.faultlab.sim.Message m && m.type().equals(type))
                .count();
    }

    static String dump(Simulation sim) {
        StringBuilder text = new StringBuilder();
        for (TraceEvent e : sim.trace().events()) {
            text.append(e.seq()).append(" t=").append(e.time()).append(' ').append(e.kind()).append(" P").append(e.node() + 1)
                    .append(e.peer() >= 0 ? " peer P" + (e.peer() + 1) : "").append(' ').append(e.payload())
                    .append(e.detail() == null ? "" : " (" + e.detail() + ")").append('\n');
        }
        return text.toString();
    }
}
