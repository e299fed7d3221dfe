package dev.faultlab.protocols.raft.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.raft.ServerSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code raft.committed {time}}: each server's commit index right after everything that happens at or before
 * {@code time} in the reference run (entries 1 to that index are committed as far as it knows; 0: none), or
 * "crashed" for a server that is down then.
 */
final class RaftCommittedKey implements GridKey {
    static final String NAME = "raft.committed";
    static final String CRASHED = "crashed";

    private static final Spec SPEC = new Spec(NAME, Raft.ID, Set.of("time"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.time(args, field);
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        long time = Args.time(args, "answer");
        List<ServerSnapshot> servers = RaftServers.atOrBefore(reference, time);
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (ServerSnapshot server : servers) {
            String row = "P" + server.id();
            rows.add(new Grid.Axis(row, row));
            values.put(Grid.cell(row, "commitIndex"), server.up() ? Integer.toString(server.commitIndex()) : CRASHED);
        }
        return new Grid(rows, List.of(new Grid.Axis("commitIndex", "committed up to index, at t=" + time)), values, List.of());
    }
}
