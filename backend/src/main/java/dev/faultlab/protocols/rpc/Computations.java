package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's computations as the trace shows them: one starts when a request reaches the server, ends when the
 * server carries it out or kills it (an ABORTED message), and is lost when the server crashes. A computation
 * whose client crashed after sending it is an orphan.
 */
final class Computations {
    record Key(int client, int seq, int attempt) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return client != o.client ? Integer.compare(client, o.client)
                    : seq != o.seq ? Integer.compare(seq, o.seq) : Integer.compare(attempt, o.attempt);
        }

        @Override
        public String toString() {
            return new CallId(client, seq) + " (attempt " + attempt + ")";
        }
    }

    /** A computation that ended at {@code end}: carried out or killed; {@code orphanedBy} is the client's crash, or -1. */
    record Ended(Key key, boolean killed, int started, int orphanedBy, TraceEvent end) {
        boolean orphan() {
            return orphanedBy >= 0;
        }
    }

    private record Running(int started, int orphanedBy) {
    }

    private final Map<Key, Running> running = new TreeMap<>();

    /** Reads one event; returns the computation it ends, or null. */
    Ended read(TraceEvent event) {
        if (event.kind() == EventKind.DELIVER && event.node() == RpcConfig.SERVER && event.payload() instanceof Call call) {
            running.put(new Key(event.peer(), call.seq(), call.attempt()), new Running(event.seq(), -1));
        } else if (event.kind() == EventKind.CRASH && event.node() == RpcConfig.SERVER) {
            running.clear();
        } else if (event.kind() == EventKind.CRASH) {
            for (Map.Entry<Key, Running> entry : new ArrayList<>(running.entrySet())) {
                if (entry.getKey().client() == event.node() && entry.getValue().orphanedBy() < 0) {
                    running.put(entry.getKey(), new Running(entry.getValue().started(), event.seq()));
                }
            }
        } else if (Output.of(event) instanceof Output.Commit commit && commit.entry() instanceof Execution execution) {
            return end(new Key(execution.client(), execution.seq(), execution.attempt()), false, event);
        } else if (event.kind() == EventKind.SEND && event.node() == RpcConfig.SERVER && event.payload() instanceof Aborted aborted) {
            return end(new Key(event.peer(), aborted.seq(), aborted.attempt()), true, event);
        }
        return null;
    }

    private Ended end(Key key, boolean killed, TraceEvent event) {
        Running was = running.remove(key);
        return was == null ? null : new Ended(key, killed, was.started(), was.orphanedBy(), event);
    }
}
