package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a lab asks about a Byzantine agreement run: what process p heard in round r ("P4 says P1 says
 * x", ordered by path, sender first) and its final vector. A crashed process has lost both.
 */
public final class ByzantineResults {
    private ByzantineResults() {
    }

    /** Exactly the statements {@code node} heard in {@code round} (1 to m+1); empty while it is crashed. */
    public static List<Statement> received(Simulation run, int node, int round) {
        if (round < 1 || round > run.rounds()) {
            throw new IllegalArgumentException("round " + round + " does not exist; this run has rounds 1 to " + run.rounds());
        }
        return process(run, node).map(p -> p.received(round)).orElse(List.of());
    }

    /** The vector {@code node} built after the last round; empty before then or while it is crashed. */
    public static Optional<List<String>> finalVector(Simulation run, int node) {
        return process(run, node).flatMap(ByzantineProcess::finalVector);
    }

    /** The value {@code node} started with; empty while it is crashed. */
    public static Optional<String> value(Simulation run, int node) {
        return process(run, node).map(ByzantineProcess::value);
    }

    /** Every chain of speakers {@code node} can hear in {@code round}, in {@link Statement#BY_PATH} order. */
    public static List<List<Integer>> chains(int node, int n, int round) {
        return Paths.heardBy(node, n, round);
    }

    /**
     * The vector a process would build had it heard {@code heard} (the value for each path; null for a
     * path never heard): the protocol's own majority rule, for grading a student's rounds with error
     * carried forward.
     */
    public static List<String> vectorFrom(int self, int n, int rounds, String ownValue, Function<List<Integer>, String> heard) {
        return RecursiveMajority.vector(self, n, rounds, ownValue, path -> {
            String value = heard.apply(path);
            return value == null ? Majority.NO_MAJORITY : value;
        });
    }

    static Optional<ByzantineProcess> process(Simulation run, int node) {
        if (!ByzantineAgreement.ID.equals(run.protocol().id())) {
            throw new IllegalArgumentException("this run is of protocol " + run.protocol().id() + ", not " + ByzantineAgreement.ID);
        }
        if (node < 0 || node >= run.nodeCount()) {
            throw new IllegalArgumentException(ProcessLabel.of(node) + " does not exist (n=" + run.nodeCount() + ")");
        }
        return Optional.ofNullable((ByzantineProcess) run.process(node));
    }
}
