package dev.faultlab.protocols.rpc.key;

import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.rpc.CrashRuns;
import dev.faultlab.protocols.rpc.Outcome;
import dev.faultlab.protocols.rpc.Rpc;
import dev.faultlab.protocols.rpc.RpcConfig;
import dev.faultlab.protocols.rpc.ServerCrash;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rpc.semantics}: which semantics the scenario's pair of client strategy and server order gives, from the
 * runs of the three crash points of that order: exactly-once if the call is always carried out once,
 * at-least-once if never zero times, at-most-once if never twice, else none of them.
 */
final class RpcSemanticsKey implements ChoiceKey {
    static final String NAME = "rpc.semantics";
    static final String EXACTLY = "exactly-once";
    static final String AT_LEAST = "at-least-once";
    static final String AT_MOST = "at-most-once";
    static final String NONE = "no-guarantee";
    private static final Spec SPEC = new Spec(NAME, Rpc.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(EXACTLY, AT_LEAST, AT_MOST, NONE);
    }

    private static List<CrashRuns.CrashRun> runs(Reference reference) {
        RpcConfig config = Rpc.config(reference.run().recipe());
        List<CrashRuns.CrashRun> runs = new ArrayList<>();
        for (ServerCrash crash : ServerCrash.of(config.order())) {
            runs.add(CrashRuns.run(reference.registry(), reference.run().recipe(), config.strategy(), crash));
        }
        return runs;
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        runs(reference).forEach(run -> seen.add(run.outcome()));
        if (!seen.contains(Outcome.DUP) && !seen.contains(Outcome.ZERO)) {
            return Set.of(EXACTLY);
        }
        if (!seen.contains(Outcome.ZERO)) {
            return Set.of(AT_LEAST);
        }
        return Set.of(seen.contains(Outcome.DUP) ? NONE : AT_MOST);
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        List<Solution.Step> steps = new ArrayList<>();
        for (CrashRuns.CrashRun run : runs(reference)) {
            steps.add(new Solution.Step(run.crash().label(), "With the client's rule to " + run.strategy().label()
                    + ", the server carried the call out " + CrashRuns.executions(run.run()) + " time(s): "
                    + run.outcome().name() + ".", List.of()));
        }
        steps.add(new Solution.Step("Semantics", "No DUP means at most once, no ZERO at least once, only OK exactly once; "
                + "DUP and ZERO both mean no guarantee: " + expected(reference, Map.of()).iterator().next() + ".", List.of()));
        return new Solution(steps);
    }
}
