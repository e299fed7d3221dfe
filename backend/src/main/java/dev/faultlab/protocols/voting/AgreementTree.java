package dev.faultlab.protocols.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a replica heard in the agreement, as the lecture's oral-messages algorithm gathers it: for each chain of
 * relays (origin first, each later process relaying what the one before told it) the value that reached this
 * replica. After k+1 rounds every chain is resolved bottom-up by majority, giving one value per origin; the
 * replica's result is the majority of those. Missing values (a silent or crashed sender) count as none.
 */
final class AgreementTree {
    private final int replicas;
    private final int depth;
    // Looked up by key only; chains are enumerated from the ids, never by iterating the map.
    private final Map<List<Integer>, Integer> heard = new HashMap<>();

    AgreementTree(int replicas, int k) {
        this.replicas = replicas;
        this.depth = k + 1;
    }

    void put(List<Integer> path, Integer value) {
        heard.put(List.copyOf(path), value);
    }

    Integer get(List<Integer> path) {
        return heard.get(path);
    }

    /** Every chain of {@code length} distinct replicas, in ascending order, without {@code excluded}. */
    List<List<Integer>> paths(int length, int excluded) {
        List<List<Integer>> paths = new ArrayList<>();
        extend(new ArrayList<>(), length, excluded, paths);
        return paths;
    }

    /** The values heard, by chain: for the replica's fingerprint. */
    Object fingerprint() {
        return new HashMap<>(heard);
    }

    private void extend(List<Integer> prefix, int length, int excluded, List<List<Integer>> into) {
        if (prefix.size() == length) {
            into.add(List.copyOf(prefix));
            return;
        }
        for (int node = 0; node < replicas; node++) {
            if (node != excluded && !prefix.contains(node)) {
                prefix.add(node);
                extend(prefix, length, excluded, into);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /** The value agreed for the chain: as heard at the deepest level, else the majority of its extensions. */
    Integer resolve(List<Integer> path) {
        if (path.size() == depth) {
            return heard.get(path);
        }
        List<Integer> children = new ArrayList<>();
        for (int node = 0; node < replicas; node++) {
            if (!path.contains(node)) {
                List<Integer> child = new ArrayList<>(path);
                child.add(node);
                children.add(resolve(child));
            }
        }
        return VoteRule.majority(children, children.size());
    }

    /** One agreed value per origin replica. */
    List<Integer> vector() {
        List<Integer> vector = new ArrayList<>();
        for (int origin = 0; origin < replicas; origin++) {
            vector.add(resolve(List.of(origin)));
        }
        return vector;
    }
}
