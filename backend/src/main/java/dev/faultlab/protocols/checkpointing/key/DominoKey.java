package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.checkpointing.App;
import dev.faultlab.protocols.checkpointing.Checkpointing;
import dev.faultlab.protocols.checkpointing.Labels;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code checkpointing.domino}: fault-plan property: the checkpoints the plan places (REQUEST interventions with the
 * command {@code checkpoint}) cause the domino effect: every process took a checkpoint of its own after the start,
 * and still the recovery line after the scenario's crash is the initial state of every process. The search places
 * one checkpoint per process, each just after a message arrives.
 */
final class DominoKey implements PropertyKey {
    static final String NAME = "checkpointing.domino";
    static final String PROPERTY = "the domino effect";
    private static final Spec SPEC = new Spec(NAME, Checkpointing.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Verdict check(Simulation run, ProtocolRegistry registry, Map<String, Object> args) {
        Trace trace = run.trace();
        int n = run.processes().size();
        boolean[] checkpointed = new boolean[n];
        for (TraceEvent event : trace.events()) {
            Output output = Output.of(event);
            if (output instanceof Output.Checkpoint cp && !cp.label().equals(Labels.checkpoint(event.node(), 0))) {
                checkpointed[event.node()] = true;
            } else if (output instanceof Output.Cut cut && cut.name().equals("recovery line")) {
                return judge(cut, checkpointed, event.seq());
            }
        }
        return Verdict.violated(PROPERTY, "No recovery line was computed: the run needs a crash and a recovery.", List.of());
    }

    private static Verdict judge(Output.Cut cut, boolean[] checkpointed, int at) {
        for (int node = 0; node < checkpointed.length; node++) {
            if (!checkpointed[node]) {
                return Verdict.violated(PROPERTY, ProcessLabel.of(node) + " took no checkpoint before the "
                        + "recovery: a domino effect needs checkpoints that all turn out useless.", List.of(at));
            }
        }
        for (int node = 0; node < checkpointed.length; node++) {
            if (!Labels.checkpoint(node, 0).equals(cut.points().get(node))) {
                return Verdict.violated(PROPERTY, "The recovery line " + String.join(", ", cut.points().stream()
                        .map(p -> p == null ? "(current state)" : p).toList()) + " stops before the start.", List.of(at));
            }
        }
        return Verdict.holds(PROPERTY, "Every process rolls back to its initial state: the recovery line is "
                + String.join(", ", cut.points()) + ".");
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        int n = reference.run().processes().size();
        if (!kinds.contains(FaultKind.REQUEST.name()) || maxFaults < n) {
            return Optional.empty();
        }
        List<Long> candidates = new ArrayList<>(arrivals(reference.run().trace()));
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        int[] choice = new int[n];
        while (true) {
            List<Fault> plan = new ArrayList<>();
            for (int node = 0; node < n; node++) {
                plan.add(Fault.at(candidates.get(choice[node]), FaultKind.REQUEST, node, Map.of("command", "checkpoint")));
            }
            List<Fault> all = new ArrayList<>(scenario.faults());
            all.addAll(plan);
            Simulation run = Simulation.start(scenario.withFaults(all), reference.registry());
            run.runToEnd();
            if (check(run, reference.registry(), args).holds()) {
                return Optional.of(plan);
            }
            int node = 0;
            while (node < n && ++choice[node] == candidates.size()) {
                choice[node++] = 0;
            }
            if (node == n) {
                return Optional.empty();
            }
        }
    }

    /** One tick after each application message arrives, before the first crash. */
    private static TreeSet<Long> arrivals(Trace trace) {
        TreeSet<Long> times = new TreeSet<>();
        for (TraceEvent event : trace.events()) {
            if (event.kind() == EventKind.CRASH) {
                break;
            }
            if (event.kind() == EventKind.DELIVER && event.payload() instanceof App) {
                times.add(event.time() + 1);
            }
        }
        return times;
    }
}
