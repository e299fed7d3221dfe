package dev.faultlab.protocols.twophase;

import java.util.List;
import java.util.stream.Collectors;

/** How processes are named to a student: P0, P1, ... as in the trace viewer. */
final class Names {
    private Names() {
    }

    static String of(int node) {
        return "P" + node;
    }

    static List<String> of(List<Integer> nodes) {
        return nodes.stream().map(Names::of).toList();
    }

    /** "P1", "P1 and P3", "P1, P2 and P3". */
    static String listed(List<Integer> nodes) {
        List<String> names = of(nodes);
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + names.get(names.size() - 1);
    }
}
