package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.check.Verdict;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Interactive consistency over the loyal processes (those never Byzantine nor crashed): IC2, every
 * loyal vector holds each loyal process's own value at its entry; IC1, all loyal vectors are equal,
 * which after IC2 leaves the traitors' entries. A violation's witnesses are the deliveries behind the
 * wrong entries and the DECIDE events of the processes involved.
 */
public final class InteractiveConsistency {
    public static final String NAME = "interactive-consistency";

    private InteractiveConsistency() {
    }

    public static Verdict check(Simulation run) {
        List<Integer> loyal = new ArrayList<>();
        for (int node = 0; node < run.nodeCount(); node++) {
            if (!run.faultyNodes().get(node)) {
                loyal.add(node);
            }
        }
        List<List<String>> vectors = new ArrayList<>();
        for (int node : loyal) {
            List<String> vector = ByzantineResults.finalVector(run, node).orElse(null);
            if (vector == null) {
                return Verdict.violated(NAME, "loyal P" + node + " has no final vector: the run ended before round "
                        + run.rounds() + " was over", List.of(run.trace().size() - 1));
            }
            vectors.add(vector);
        }
        for (int j : loyal) {
            String truth = ByzantineResults.value(run, j).orElseThrow();
            for (int a = 0; a < loyal.size(); a++) {
                int i = loyal.get(a);
                String entry = vectors.get(a).get(j);
                if (!truth.equals(entry)) {
                    return Verdict.violated(NAME, ProcessLabel.of(i) + "'s vector has " + entry + " for loyal " + ProcessLabel.of(j)
                            + ", which started with " + truth, witnesses(run, i, j));
                }
            }
        }
        for (int j = 0; j < run.nodeCount(); j++) {
            for (int a = 1; a < loyal.size(); a++) {
                String first = vectors.get(0).get(j);
                String other = vectors.get(a).get(j);
                if (!Objects.equals(first, other)) {
                    List<Integer> witnesses = new ArrayList<>(witnesses(run, loyal.get(0), j));
                    witnesses.addAll(witnesses(run, loyal.get(a), j));
                    return Verdict.violated(NAME, "loyal processes disagree about traitor P" + j + ": P" + loyal.get(0)
                            + "'s vector has " + first + ", P" + loyal.get(a) + "'s has " + other, witnesses);
                }
            }
        }
        return Verdict.holds(NAME, loyal.isEmpty() ? "no process stayed loyal"
                : "every loyal process computed " + vectors.get(0) + ", with each loyal process's own value at its entry");
    }

    /** The deliveries behind {@code node}'s entry for {@code origin}, then {@code node}'s DECIDE event. */
    private static List<Integer> witnesses(Simulation run, int node, int origin) {
        List<Integer> events = new ArrayList<>(ByzantineResults.process(run, node).orElseThrow().eventsAbout(origin));
        Trace trace = run.trace();
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.DECIDE && trace.node(seq) == node) {
                events.add(seq);
                break;
            }
        }
        return events;
    }
}
