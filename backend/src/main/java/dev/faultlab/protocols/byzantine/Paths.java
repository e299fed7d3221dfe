package dev.faultlab.protocols.byzantine;

import java.util.ArrayList;
import java.util.List;

/** The chains of speakers a process can hear: distinct ids, never itself, nearest speaker first. */
final class Paths {
    private Paths() {
    }

    /** Every such path of the given length, in {@link Statement#BY_PATH} order. */
    static List<List<Integer>> heardBy(int self, int n, int length) {
        List<List<Integer>> paths = new ArrayList<>();
        extend(new ArrayList<>(), self, n, length, paths);
        return paths;
    }

    private static void extend(List<Integer> prefix, int self, int n, int length, List<List<Integer>> paths) {
        if (prefix.size() == length) {
            paths.add(List.copyOf(prefix));
            return;
        }
        for (int id = 0; id < n; id++) {
            if (id != self && !prefix.contains(id)) {
                prefix.add(id);
                extend(prefix, self, n, length, paths);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /** {@code speaker} says {@code path}: the path one hop longer. */
    static List<Integer> saidBy(int speaker, List<Integer> path) {
        Integer[] longer = new Integer[path.size() + 1];
        longer[0] = speaker;
        for (int i = 0; i < path.size(); i++) {
            longer[i + 1] = path.get(i);
        }
        return List.of(longer);
    }

    /** How many statements one process hears in a round: (n-1)(n-2)...(n-round); throws ArithmeticException on overflow. */
    static long heardInRound(int n, int round) {
        long count = 1;
        for (int i = 1; i <= round; i++) {
            count = Math.multiplyExact(count, n - i);
        }
        return count;
    }
}
