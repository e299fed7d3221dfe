package dev.faultlab.protocols.raft;

import java.util.function.BiConsumer;

/**
 * Follows each server's commit index from step to step and reports the entries it committed in the last
 * one. A crashed server forgets its commit index and commits (applies) its log again after recovering.
 */
final class NewlyCommitted {
    private int[] seen = new int[0];

    void forEach(Step step, BiConsumer<ServerSnapshot, Entry> action) {
        if (seen.length != step.servers().size()) {
            seen = new int[step.servers().size()];
        }
        for (ServerSnapshot server : step.servers()) {
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
