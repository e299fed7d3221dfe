package dev.faultlab.protocols.byzantine;

import java.util.ArrayList;
import java.util.List;

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
    private final Hearsay hearsay;

    private RecursiveMajority(int self, int n, int depth, Hearsay hearsay) {
        this.self = self;
        this.n = n;
        this.depth = depth;
        this.hearsay = hearsay;
    }

    static List<String> vector(int self, int n, int rounds, String ownValue, Hearsay hearsay) {
        RecursiveMajority tree = new RecursiveMajority(self, n, rounds, hearsay);
        List<String> vector = new ArrayList<>(n);
        for (int origin = 0; origin < n; origin++) {
            vector.add(origin == self ? ownValue : tree.resolve(List.of(origin)));
        }
        return List.copyOf(vector);
    }

    private String resolve(List<Integer> path) {
        String heard = hearsay.valueOf(path);
        if (path.size() == depth) {
            return heard;
        }
        List<String> votes = new ArrayList<>(n - path.size());
        votes.add(heard);
        for (int relay = 0; relay < n; relay++) {
            if (relay != self && !path.contains(relay)) {
                votes.add(resolve(Paths.saidBy(relay, path)));
            }
        }
        return Majority.of(votes);
    }
}
