package dev.faultlab.protocols.rpc.key;

import dev.faultlab.check.Monitors;
import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.rpc.AtMostOnce;
import dev.faultlab.protocols.rpc.Done;
import dev.faultlab.protocols.rpc.Rpc;
import dev.faultlab.protocols.rpc.RpcConfig;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rpc.stopped}: the student's plan makes a call take effect twice, and the very same plan with sequence
 * numbers switched on does not: the server recognises the retransmission and answers it from its table.
 */
final class RpcStoppedKey implements PropertyKey {
    static final String NAME = "rpc.stopped";
    static final String PROPERTY = "stopped";
    private static final Spec SPEC = new Spec(NAME, Rpc.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Verdict twice = RpcTwiceKey.twice(run);
        if (!twice.holds()) {
            return Verdict.violated(PROPERTY, "Without sequence numbers your plan must first make a call take effect twice. "
                    + twice.explanation(), List.of());
        }
        Map<String, Object> params = new LinkedHashMap<>(run.recipe().params());
        params.put("dedup", true);
        Recipe numbered = new Recipe(Rpc.ID, params, run.recipe().seed(), run.recipe().faults(), run.recipe().network(),
                run.recipe().budgets());
        Simulation again = Simulation.start(numbered, registry);
        again.runToEnd();
        Verdict atMostOnce = Verdict.of(Monitors.overTrace(again, new AtMostOnce()));
        if (!atMostOnce.holds()) {
            return Verdict.violated(PROPERTY, "With sequence numbers the call still took effect twice: "
                    + atMostOnce.explanation(), List.of());
        }
        boolean answeredFromTable = again.trace().events().stream().anyMatch(e -> e.kind() == EventKind.SEND
                && e.node() == RpcConfig.SERVER && e.payload() instanceof Done done && done.fromTable());
        return answeredFromTable
                ? Verdict.holds(PROPERTY, "Without sequence numbers: " + twice.explanation() + ". With them the server "
                        + "recognised the retransmission and answered it from its table: no call took effect twice.")
                : Verdict.violated(PROPERTY, "With sequence numbers no duplicate reached the server, so the plan shows "
                        + "nothing about them", List.of());
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        return TwicePlans.find(reference, kinds, maxFaults, run -> check(run, reference.registry(), args));
    }
}
