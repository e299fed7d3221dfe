package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.check.Explorer;
import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.protocols.reliablemulticast.Traffic;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code rmcast.all-or-nothing-broken}: the run ends with a message that one correct member delivered and another
 * correct member never did. The search crashes the sender P1 at each of the first {@link #HORIZON} ticks, after
 * each number of sends, as the slides' "sender crashes in the middle" case.
 */
final class AllOrNothingBrokenKey implements PropertyKey {
    static final String NAME = "rmcast.all-or-nothing-broken";
    static final String PROPERTY = "all-or-nothing broken";
    private static final int HORIZON = 40;

    private static final Spec SPEC = new Spec(NAME, ReliableMulticast.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Verdict atomic = Traffic.allOrNothing(run);
        return atomic.holds()
                ? Verdict.violated(PROPERTY, "All-or-nothing still holds: " + atomic.explanation() + ".", List.of())
                : Verdict.holds(PROPERTY, atomic.explanation());
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.CRASH.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        int receivers = reference.run().nodeCount() - 1;
        var candidates = IntStream.range(0, HORIZON).boxed().flatMap(t -> IntStream.range(1, receivers)
                .mapToObj(sends -> scenario.withFault(Fault.at(t, FaultKind.CRASH, 0, Map.of("afterSends", sends)))));
        return Explorer.search(reference.registry(), candidates, run -> Traffic.allOrNothing(run))
                .map(found -> found.recipe().faults().subList(scenario.faults().size(), found.recipe().faults().size()));
    }
}
