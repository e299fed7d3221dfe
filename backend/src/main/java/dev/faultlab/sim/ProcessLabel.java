package dev.faultlab.sim;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a process is named to a person: P1 to Pn, as the lecture numbers them, while ids in recipes,
 * traces and the API stay 0 to n-1. Every text a student reads (notes, checker verdicts, answer grids)
 * names processes through here; the browser's twin is frontend/js/process-label.js.
 */
public final class ProcessLabel {
    private ProcessLabel() {
    }

    /** "P1" for id 0. */
    public static String of(int id) {
        return "P" + (id + 1);
    }

    /** The id named by a label: 0 for "P1". */
    public static int id(String label) {
        return Integer.parseInt(label.substring(1)) - 1;
    }

    public static List<String> of(List<Integer> ids) {
        return ids.stream().map(ProcessLabel::of).toList();
    }

    /** "P1", "P1 and P3", "P1, P2 and P3". */
    public static String listed(List<Integer> ids) {
        List<String> names = of(ids);
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** "P4 says P1 says " for the chain [3, 0], nearest speaker first; empty for no speakers. */
    public static String says(List<Integer> speakers) {
        return speakers.stream().map(id -> of(id) + " says ").collect(Collectors.joining());
    }
}
