package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.ProcessStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * What a crash of one process would do, read from the processes' states at one moment as the inspector shows them:
 * each process's checkpoints (stable storage) and the dependencies of its current interval, and the recovery line
 * the rollback rule gives if that process crashed right then and restored its latest checkpoint.
 */
public record Crash(int crashed, List<Integer> line, List<List<SavedCheckpoint>> checkpoints) {

    public static Crash of(List<ProcessStatus> processes, int crashed) {
        List<RecoveryLine.History> histories = new ArrayList<>();
        List<List<SavedCheckpoint>> saved = new ArrayList<>();
        for (ProcessStatus process : processes) {
            List<SavedCheckpoint> cps = new ArrayList<>();
            List<Dependency> deps = new ArrayList<>();
            for (Object entry : (List<?>) process.stable().getOrDefault(Worker.CHECKPOINTS, List.of())) {
                SavedCheckpoint cp = (SavedCheckpoint) entry;
                cps.add(cp);
                deps.addAll(cp.dependencies());
            }
            boolean lost = process.node() == crashed || !process.up();
            if (!lost) {
                for (Object entry : (List<?>) process.state().getOrDefault("dependencies", List.of())) {
                    deps.add((Dependency) entry);
                }
            }
            histories.add(new RecoveryLine.History(cps.size(), lost, deps));
            saved.add(cps);
        }
        return new Crash(crashed, RecoveryLine.compute(histories), saved);
    }

    /** The checkpoint label {@code node} restores, or null where it keeps its state. */
    public String restores(int node) {
        return line.get(node) == RecoveryLine.KEEP ? null : Labels.checkpoint(node, line.get(node));
    }
}
