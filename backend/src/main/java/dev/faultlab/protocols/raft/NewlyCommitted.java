package dev.faultlab.protocols.raft;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Follows each server's commit index from event to event and reports the entries it committed since. A crashed
 * server forgets its commit index and commits (applies) its log again after recovering.
 */
final class NewlyCommitted {
    private int[] seen = new int[0];

    void forEach(List<ServerSnapshot> servers, BiConsumer<ServerSnapshot, Entry> action) {
        if (seen.length != servers.size()) {
            seen = new int[servers.size()];
        }
        for (ServerSnapshot server : servers) {
            int id = server.id();
            if (!server.up() || server.commitIndex() < seen[id]) {
                seen[id] = 0;
            }
            for (int index = seen[id] + 1; index <= server.commitIndex(); index++) {
                action.accept(server, Logs.entry(server.log(), index));
            }
            seen[id] = server.commitIndex();
        }
    }
}
