package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.checkpointing.Checkpointing;
import dev.faultlab.protocols.checkpointing.Crash;
import dev.faultlab.protocols.checkpointing.Dependency;
import dev.faultlab.protocols.checkpointing.SavedCheckpoint;
import dev.faultlab.sim.ProcessLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code checkpointing.rollbacks}: for each process, the checkpoint it rolls back to (CP_2(1)) by the rollback rule
 * after the reference run's first crash, or {@code keeps} where it keeps its state.
 */
final class RollbacksKey implements GridKey {
    static final String NAME = "checkpointing.rollbacks";
    static final String KEEPS = "keeps";
    static final String COLUMN = "restores";
    private static final Spec SPEC = new Spec(NAME, Checkpointing.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Crash crash = AtTheCrash.crash(reference.run(), reference.registry());
        List<Grid.Axis> rows = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> vocabulary = new ArrayList<>();
        for (int node = 0; node < crash.line().size(); node++) {
            String name = ProcessLabel.of(node);
            rows.add(new Grid.Axis(name, name));
            String restores = crash.restores(node);
            values.put(Grid.cell(name, COLUMN), restores == null ? KEEPS : restores);
            crash.checkpoints().get(node).forEach(cp -> vocabulary.add(cp.label()));
        }
        vocabulary.add(KEEPS);
        return new Grid(rows, List.of(new Grid.Axis(COLUMN, "rolls back to")), values, vocabulary);
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return "the crashed process restores its latest checkpoint; if P_i rolls back to CP_i(m-1), every P_j with a "
                        + "dependency INT_i(m) → INT_j(n) rolls back to CP_j(n-1), and so on until nothing changes";
            }

            @Override
            public String row(String row) {
                return "look at the dependencies " + row + " recorded: which of them come from intervals that were undone?";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return explain(reference, AtTheCrash.crash(reference.run(), reference.registry()));
    }

    /** Each process's checkpoints with their dependencies, and where the rule takes it. */
    static Solution explain(Reference reference, Crash crash) {
        List<Solution.Step> steps = new ArrayList<>();
        for (int node = 0; node < crash.line().size(); node++) {
            StringBuilder text = new StringBuilder();
            List<Integer> events = new ArrayList<>();
            for (SavedCheckpoint cp : crash.checkpoints().get(node)) {
                text.append(cp.label()).append(cp.dependencies().isEmpty() ? " (no dependency)" : " saves "
                        + String.join(", ", describe(cp.dependencies(), node)))
                        .append(". ");
                events.add(AtTheCrash.checkpointEvent(reference.run().trace(), node, cp.label()));
            }
            String restores = crash.restores(node);
            text.append(node == crash.crashed() ? "It crashed: it restores its latest checkpoint, and by the rule " + restores + "."
                    : restores == null ? "Nothing it depends on is undone: it keeps its state." : "By the rollback rule it rolls back to " + restores + ".");
            steps.add(new Solution.Step(ProcessLabel.of(node), text.toString(), events));
        }
        return new Solution(steps);
    }

    private static List<String> describe(List<Dependency> dependencies, int owner) {
        return dependencies.stream().map(d -> d.describe(owner)).toList();
    }
}
