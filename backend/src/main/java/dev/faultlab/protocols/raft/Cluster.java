package dev.faultlab.protocols.raft;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The servers as Raft's monitors see them, kept one event at a time from the state hook; the monitors of one run
 * share it, and it reads each event once. Only the event's own server can change at an event, and a send, a drop
 * or a duplication changes none (whatever the handler did before it shows at the handler's earlier event), which
 * saves building the other state views again.
 */
final class Cluster {
    private final int servers;
    private ServerSnapshot[] snapshots;
    private int seq = -1;
    private List<Integer> changed = List.of();

    Cluster(int servers) {
        this.servers = servers;
    }

    /** Reads an event (again for the next monitor: no work) and returns the servers it changed. */
    List<Integer> onEvent(TraceEvent event, States states) {
        if (event.seq() == seq) {
            return changed;
        }
        seq = event.seq();
        if (snapshots == null) {
            snapshots = new ServerSnapshot[servers];
            List<Integer> all = new ArrayList<>(servers);
            for (int server = 0; server < servers; server++) {
                snapshots[server] = ServerSnapshot.of(server, states);
                all.add(server);
            }
            changed = List.copyOf(all);
            return changed;
        }
        int node = event.node();
        changed = List.of();
        if (node >= 0 && node < servers && event.kind() != EventKind.SEND && event.kind() != EventKind.DROP
                && event.kind() != EventKind.DUPLICATE) {
            ServerSnapshot now = ServerSnapshot.of(node, states);
            if (!now.equals(snapshots[node])) {
                snapshots[node] = now;
                changed = List.of(node);
            }
        }
        return changed;
    }

    List<ServerSnapshot> servers() {
        return snapshots == null ? List.of() : Arrays.asList(snapshots);
    }

    ServerSnapshot server(int id) {
        return snapshots[id];
    }
}
