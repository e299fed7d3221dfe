package dev.faultlab.protocols.rpc.key;

import dev.faultlab.check.Monitors;
import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.rpc.AtMostOnce;
import dev.faultlab.protocols.rpc.Rpc;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code rpc.twice}: a call takes effect twice in the student's run (the at-most-once monitor names it). */
final class RpcTwiceKey implements PropertyKey {
    static final String NAME = "rpc.twice";
    static final String PROPERTY = "twice";
    private static final Spec SPEC = new Spec(NAME, Rpc.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        return twice(run);
    }

    static Verdict twice(Simulation run) {
        Verdict atMostOnce = Verdict.of(Monitors.overTrace(run, new AtMostOnce()));
        return atMostOnce.holds()
                ? Verdict.violated(PROPERTY, "No call took effect twice: " + atMostOnce.explanation() + ".", List.of())
                : Verdict.holds(PROPERTY, atMostOnce.explanation());
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        return TwicePlans.find(reference, kinds, maxFaults, RpcTwiceKey::twice);
    }
}
