package dev.faultlab.protocols.rpc.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.rpc.CrashRuns;
import dev.faultlab.protocols.rpc.Outcome;
import dev.faultlab.protocols.rpc.Rpc;
import dev.faultlab.protocols.rpc.ServerCrash;
import dev.faultlab.protocols.rpc.Strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rpc.table}: the lecture's table of the client's four reissue strategies against the server's six crash
 * orderings, each cell OK, DUP or ZERO. Every cell is a run: the scenario's call, with that strategy, against a
 * server of that order that crashes at that point and recovers; the cell counts how often the server carried the
 * call out.
 */
final class RpcTableKey implements GridKey {
    static final String NAME = "rpc.table";
    private static final Spec SPEC = new Spec(NAME, Rpc.ID, Set.of());

    /** The 24 runs, read once per reference. */
    record Table(List<CrashRuns.CrashRun> runs) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    static Table table(Reference reference) {
        return reference.reading(Table.class, ref -> {
            List<CrashRuns.CrashRun> runs = new ArrayList<>();
            for (Strategy strategy : Strategy.values()) {
                for (ServerCrash crash : ServerCrash.values()) {
                    runs.add(CrashRuns.run(ref.registry(), ref.run().recipe(), strategy, crash));
                }
            }
            return new Table(runs);
        });
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CrashRuns.CrashRun run : table(reference).runs()) {
            values.put(Grid.cell(run.strategy().id(), run.crash().id()), run.outcome().name());
        }
        return new Grid(Arrays.stream(Strategy.values()).map(s -> new Grid.Axis(s.id(), s.label())).toList(),
                Arrays.stream(ServerCrash.values()).map(c -> new Grid.Axis(c.id(), c.label())).toList(), values,
                Arrays.stream(Outcome.values()).map(Enum::name).toList());
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                Strategy strategy = Strategy.of(cell.substring(0, cell.indexOf('/')));
                ServerCrash crash = Arrays.stream(ServerCrash.values()).filter(c -> c.id().equals(cell.substring(cell.indexOf('/') + 1)))
                        .findFirst().orElseThrow();
                return "the client's rule is to " + strategy.label() + "; in " + crash.label() + " the client "
                        + (crash.acknowledged() ? "had" : "had not") + " received the completion message and the server "
                        + (crash.worked() ? "had" : "had not") + " done the work when it crashed";
            }

            @Override
            public String row(String row) {
                return "the client's rule is to " + Strategy.of(row).label()
                        + ": for each crash, did it get the completion message, and had the work been done?";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        List<Solution.Step> steps = new ArrayList<>();
        for (CrashRuns.CrashRun run : table(reference).runs()) {
            ServerCrash crash = run.crash();
            steps.add(new Solution.Step(run.strategy().label() + ", " + crash.label(),
                    "Before the crash the server " + (crash.worked() ? "had" : "had not") + " done the work and the client "
                            + (crash.acknowledged() ? "had" : "had not") + " received the completion message, so on the "
                            + "recovery announcement the client " + (run.strategy().reissues(crash.acknowledged()) ? "reissues" : "does not reissue")
                            + ": the server carried the call out " + CrashRuns.executions(run.run()) + " time(s), "
                            + run.outcome().name() + ".", List.of()));
        }
        return new Solution(steps);
    }
}
