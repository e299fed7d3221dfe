package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Monitor;

import java.util.List;

/**
 * One way the run broke a property, between {@code nodes}: it counts while they are all correct, since the
 * properties speak of correct members only (a member that crashes later was never correct).
 */
record Fact(int at, String explanation, List<Integer> nodes, List<Integer> witnesses) {
    Monitor.Violation violation(String property) {
        return new Monitor.Violation(property, at, explanation, witnesses);
    }

    static Monitor.Violation first(List<Fact> facts, CrashStop crashes, String property) {
        return facts.stream().filter(f -> crashes.allCorrect(f.nodes())).findFirst().map(f -> f.violation(property)).orElse(null);
    }
}
