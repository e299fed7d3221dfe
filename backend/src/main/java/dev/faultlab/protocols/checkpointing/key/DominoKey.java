package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.checkpointing.App;
import dev.faultlab.protocols.checkpointing.Checkpointing;
import dev.faultlab.protocols.checkpointing.Crash;
import dev.faultlab.protocols.checkpointing.RecoveryLine;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
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
 * {@code checkpointing.domino}: fault-plan property: the plan places checkpoints (REQUEST interventions with the command
 * {@code checkpoint}) and a crash such that, at the run's first crash, every process has taken a checkpoint of its
 * own and still the recovery line by the rollback rule is the initial state of every process: the domino effect.
 * The search places one checkpoint per process just after a message arrives, then a crash right after the last of
 * them or after a later arrival.
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
        int crashAt = AtTheCrash.firstCrash(run.trace());
        if (crashAt < 0) {
            return Verdict.violated(PROPERTY, "No process crashes: add a crash after your checkpoints.", List.of());
        }
        int crashed = run.trace().node(crashAt);
        Crash crash = AtTheCrash.crash(run, registry);
        for (int node = 0; node < crash.checkpoints().size(); node++) {
            if (crash.checkpoints().get(node).size() < 2) {
                return Verdict.violated(PROPERTY, ProcessLabel.of(node) + " has taken no checkpoint of its own when "
                        + ProcessLabel.of(crashed) + " crashes: a domino effect needs checkpoints that all turn out useless.", List.of(crashAt));
            }
        }
        List<String> line = new ArrayList<>();
        for (int node = 0; node < crash.line().size(); node++) {
            String restores = crash.restores(node);
            line.add(restores == null ? ProcessLabel.of(node) + " keeps its state" : restores);
        }
        if (!RecoveryLine.toTheStart(crash.line())) {
            return Verdict.violated(PROPERTY, "After " + ProcessLabel.of(crashed) + "'s crash the recovery line is " + String.join(", ", line)
                    + ": it stops before the start.", List.of(crashAt));
        }
        return Verdict.holds(PROPERTY, "After " + ProcessLabel.of(crashed) + "'s crash every process rolls back to its initial state: "
                + String.join(", ", line) + ".");
    }

    @Override
    public Optional<List<Fault>> find(Reference reference, Set<String> kinds, int maxFaults, Map<String, Object> args) {
        int n = reference.run().processes().size();
        List<Long> candidates = new ArrayList<>(arrivals(reference.run().trace()));
        if (!kinds.contains(FaultKind.REQUEST.name()) || !kinds.contains(FaultKind.CRASH.name()) || maxFaults < n + 1
                || candidates.isEmpty()) {
            return Optional.empty();
        }
        Recipe scenario = reference.run().recipe();
        int[] choice = new int[n];
        while (true) {
            long latest = 0;
            List<Fault> checkpoints = new ArrayList<>();
            for (int node = 0; node < n; node++) {
                checkpoints.add(Fault.at(candidates.get(choice[node]), FaultKind.REQUEST, node, Map.of("command", "checkpoint")));
                latest = Math.max(latest, candidates.get(choice[node]));
            }
            long after = latest;
            TreeSet<Long> crashes = new TreeSet<>(candidates.stream().filter(t -> t > after).toList());
            crashes.add(after + 1);
            for (long at : crashes) {
                for (int victim = 0; victim < n; victim++) {
                    List<Fault> plan = new ArrayList<>(checkpoints);
                    plan.add(Fault.at(at, FaultKind.CRASH, victim));
                    if (holds(reference, scenario, plan, args)) {
                        return Optional.of(plan);
                    }
                }
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

    private boolean holds(Reference reference, Recipe scenario, List<Fault> plan, Map<String, Object> args) {
        List<Fault> all = new ArrayList<>(scenario.faults());
        all.addAll(plan);
        Simulation run = Simulation.start(scenario.withFaults(all), reference.registry());
        run.runToEnd();
        return check(run, reference.registry(), args).holds();
    }

    /** One tick after each application message arrives. */
    private static TreeSet<Long> arrivals(Trace trace) {
        TreeSet<Long> times = new TreeSet<>();
        for (TraceEvent event : trace.events()) {
            if (event.kind() == EventKind.DELIVER && event.payload() instanceof App) {
                times.add(event.time() + 1);
            }
        }
        return times;
    }
}
