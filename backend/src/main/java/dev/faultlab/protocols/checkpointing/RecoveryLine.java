package dev.faultlab.protocols.checkpointing;

import java.util.ArrayList;
import java.util.List;

/**
 * The recovery line by the lecture's rollback rule. Every process starts where it stands (in its current interval),
 * the crashed one at its latest checkpoint; then, as long as some process P_j kept a dependency INT_i(m) → INT_j(n)
 * on an interval m that P_i no longer has, P_j rolls back to CP_j(n-1). Points only move back and never below
 * CP_j(0), so this ends, at the most recent consistent cut: if the cascade reaches every CP_j(0), that is the
 * domino effect.
 */
public final class RecoveryLine {
    /** Keeps its state: the line passes through where the process stands. */
    public static final int KEEP = -1;

    /** What one process has to offer: its current interval (its latest checkpoint is one less) and its dependencies. */
    public record History(int current, boolean crashed, List<Dependency> dependencies) {
        public History {
            dependencies = List.copyOf(dependencies);
        }
    }

    private RecoveryLine() {
    }

    /** For each process, the checkpoint index it restores, or {@link #KEEP}. */
    public static List<Integer> compute(List<History> histories) {
        int n = histories.size();
        int[] kept = new int[n];
        for (int j = 0; j < n; j++) {
            History h = histories.get(j);
            kept[j] = h.crashed() ? h.current() - 1 : h.current();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int j = 0; j < n; j++) {
                for (Dependency d : histories.get(j).dependencies()) {
                    if (d.toInterval() <= kept[j] && d.fromInterval() > kept[d.from()]) {
                        kept[j] = d.toInterval() - 1;
                        changed = true;
                    }
                }
            }
        }
        List<Integer> line = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            History h = histories.get(j);
            line.add(!h.crashed() && kept[j] == h.current() ? KEEP : kept[j]);
        }
        return line;
    }

    /** The unsafe switch: every process restores its latest checkpoint, whatever it depends on. */
    public static List<Integer> latest(List<History> histories) {
        return histories.stream().map(h -> h.current() - 1).toList();
    }

    /** True when every process goes back to its initial state CP_i(0). */
    public static boolean toTheStart(List<Integer> line) {
        return line.stream().allMatch(r -> r == 0);
    }
}
