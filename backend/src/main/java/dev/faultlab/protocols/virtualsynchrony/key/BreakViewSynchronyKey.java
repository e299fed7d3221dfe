package dev.faultlab.protocols.virtualsynchrony.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.virtualsynchrony.GroupRuns;
import dev.faultlab.protocols.virtualsynchrony.VirtualSynchrony;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vsync.breaks-view-synchrony}: fault-plan property: the student's plan, run with the flush switched off,
 * breaks view synchrony, and run as the scenario has it, with the flush, it does not. The search crashes the
 * sender of each planned multicast at its time, its message reaching every other process but one.
 */
final class BreakViewSynchronyKey implements PropertyKey {
    static final String NAME = "vsync.breaks-view-synchrony";
    static final String PROPERTY = "view synchrony broken without the flush";

    private static final Spec SPEC = new Spec(NAME, VirtualSynchrony.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Verdict withFlush = GroupRuns.watch(GroupRuns.withFlush(run.recipe(), true), registry).viewSynchrony();
        if (!withFlush.holds()) {
            return Verdict.violated(PROPERTY, "Even with the flush view synchrony broke: " + withFlush.explanation() + ".", withFlush.witnesses());
        }
        Verdict without = GroupRuns.watch(GroupRuns.withFlush(run.recipe(), false), registry).viewSynchrony();
        if (without.holds()) {
            return Verdict.violated(PROPERTY, "With the flush switched off your plan still keeps view synchrony: " + without.explanation()
                    + ". Crash a sender while its multicast has reached some members only.", List.of());
        }
        return Verdict.holds(PROPERTY, "With the flush switched off your plan breaks view synchrony: " + without.explanation()
                + ". With the flush, as in your run, " + withFlush.explanation() + ".");
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        if (!kinds.contains(FaultKind.CRASH.name()) || maxFaults < 1) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        int n = GroupRuns.processes(scenario);
        for (List<Integer> multicast : GroupRuns.plannedMulticasts(scenario)) {
            int sender = multicast.get(0);
            for (int missed = 0; missed < n; missed++) {
                if (missed == sender) {
                    continue;
                }
                List<Fault> plan = List.of(Fault.at(multicast.get(1), FaultKind.CRASH, sender, Map.of("reaches", allBut(n, sender, missed))));
                List<Fault> all = new ArrayList<>(scenario.faults());
                all.addAll(plan);
                Simulation run = Simulation.start(scenario.withFaults(all), reference.registry());
                run.runToEnd();
                if (check(run, reference.registry(), args).holds()) {
                    return Optional.of(plan);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Integer> allBut(int n, int sender, int missed) {
        List<Integer> reaches = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            if (node != sender && node != missed) {
                reaches.add(node);
            }
        }
        return reaches;
    }
}
