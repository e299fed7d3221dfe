package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.ProcessLabel;

import java.util.List;

/** How processes are named to a student: as everywhere else, through {@link ProcessLabel}. */
final class Names {
    private Names() {
    }

    static String of(int node) {
        return ProcessLabel.of(node);
    }

    static List<String> of(List<Integer> nodes) {
        return ProcessLabel.of(nodes);
    }

    /** "P1", "P1 and P3", "P1, P2 and P3". */
    static String listed(List<Integer> nodes) {
        return ProcessLabel.listed(nodes);
    }
}
