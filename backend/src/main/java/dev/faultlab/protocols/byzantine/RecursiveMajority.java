package dev.faultlab.protocols.byzantine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A process's final vector: entry j is the outcome of OM(m) with P j as commander, computed over
 * the tree of what the process heard. A path's value is the majority of what was heard for the
 * path itself and the values of the same statement relayed once more by each process not yet on
 * it; a path of length m+1 (heard in the last round) counts as heard.
 */
final class RecursiveMajority {
    private final int self;
    private final int n;
    private final int depth;
    private final Function<List<Integer>, String> heard;

    private RecursiveMajority(int self, int n, int depth, Function<List<Integer>, String> heard) {
        this.self = self;
        this.n = n;
        this.depth = depth;
        this.heard = heard;
    }

    /** {@code heard} gives the value heard for a path, or the majority rule's default for one never heard. */
    static List<String> vector(int self, int n, int rounds, String ownValue, Function<List<Integer>, String> heard) {
        RecursiveMajority tree = new RecursiveMajority(self, n, rounds, heard);
        List<String> vector = new ArrayList<>(n);
        for (int origin = 0; origin < n; origin++) {
            vector.add(origin == self ? ownValue : tree.resolve(List.of(origin)));
        }
        return List.copyOf(vector);
    }

    private String resolve(List<Integer> path) {
        String direct = heard.apply(path);
        if (path.size() == depth) {
            return direct;
        }
        List<String> votes = new ArrayList<>(n - path.size());
        votes.add(direct);
        for (int relay = 0; relay < n; relay++) {
            if (relay != self && !path.contains(relay)) {
                votes.add(resolve(Paths.saidBy(relay, path)));
            }
        }
        return Majority.of(votes);
    }
}
