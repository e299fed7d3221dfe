package dev.faultlab.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The property a fault-plan challenge asks the student to bring about ("make 2PC block"): checked on the
 * run of the student's plan, and searched for by the platform to show that the challenge can be met.
 */
public non-sealed interface PropertyKey extends AnswerKey {
    /** Holds when the student's run (ended, run with {@code registry}) shows the property asked for. */
    Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args);

    /**
     * A plan of at most {@code maxFaults} faults of the given kinds that, added to the reference run's recipe (the
     * challenge's scenario), meets the challenge, found by search.
     */
    Optional<List<Fault>> find(Reference scenario, Set<String> kinds, int maxFaults, Map<String, Object> args);
}
