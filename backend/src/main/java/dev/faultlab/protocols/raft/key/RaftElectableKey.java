package dev.faultlab.protocols.raft.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.raft.Electable;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.raft.ServerSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code raft.electable {time}}: for each server, whether it can win the next election from the state of the
 * reference run at {@code time} (default 0, the state the run starts in): yes when a majority of servers
 * would vote for it by the vote rule the simulated servers follow.
 */
final class RaftElectableKey implements GridKey {
    static final String NAME = "raft.electable";
    static final String YES = "yes";
    static final String NO = "no";

    private static final Spec SPEC = new Spec(NAME, Raft.ID, Set.of("time"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        if (args.containsKey("time")) {
            Args.time(args, field);
        }
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        long time = args.containsKey("time") ? Args.time(args, "answer") : 0;
        List<ServerSnapshot> servers = RaftServers.atOrBefore(reference, time);
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (ServerSnapshot server : servers) {
            String row = "P" + server.id();
            rows.add(new Grid.Axis(row, row));
            values.put(Grid.cell(row, "wins"), Electable.canWin(servers, server.id()) ? YES : NO);
        }
        return new Grid(rows, List.of(new Grid.Axis("wins", "can win the next election")), values, List.of(YES, NO));
    }
}
