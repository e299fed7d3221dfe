package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.ProcessLabel;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a process heard: {@code path} names the speakers nearest first, as the seeds write "2:1:v"
 * for "P2 says P1 says v"; the first id is the process that delivered it, the last the value's origin.
 */
public record Statement(List<Integer> path, String value) {

    /** Sender first, then the next speaker, and so on: groups a round's statements by who said them. */
    public static final Comparator<Statement> BY_PATH = (a, b) -> comparePaths(a.path, b.path);

    public Statement {
        path = List.copyOf(path);
    }

    public int sender() {
        return path.get(0);
    }

    public int origin() {
        return path.get(path.size() - 1);
    }

    /** "P4 says P1 says ATTACK". */
    public String text() {
        return ProcessLabel.says(path) + value;
    }

    static int comparePaths(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
