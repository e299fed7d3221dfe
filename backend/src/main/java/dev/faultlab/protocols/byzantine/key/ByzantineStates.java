package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.Reference;
import dev.faultlab.protocols.byzantine.Statement;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProcessStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Byzantine agreement run as its processes' states show it, as the state inspector reads them (never the live
 * process objects): what each process heard in each round, the value it started with and its final vector at
 * the end of the run, and the values the run set the processes up with. A process crashed at the end has lost
 * what it heard, its value and its vector, as its volatile state is gone. Read once per reference run.
 */
final class ByzantineStates {
    /** One process at the end: its value (null while crashed), what it heard per round, its vector (or null). */
    private record Process(String value, List<List<Statement>> received, List<String> vector) {
    }

    private final List<Process> processes;
    private final int rounds;
    private final List<String> initialValues;

    private ByzantineStates(List<Process> processes, int rounds, List<String> initialValues) {
        this.processes = processes;
        this.rounds = rounds;
        this.initialValues = initialValues;
    }

    static ByzantineStates of(Reference reference) {
        return reference.reading(ByzantineStates.class, ByzantineStates::read);
    }

    private static ByzantineStates read(Reference reference) {
        int rounds = reference.run().rounds();
        List<Process> processes = new ArrayList<>();
        for (ProcessStatus status : reference.run().processes()) {
            processes.add(process(status.state(), rounds));
        }
        List<String> initial = reference.processesAt(-1).stream().map(status -> (String) status.state().get("value")).toList();
        return new ByzantineStates(List.copyOf(processes), rounds, initial);
    }

    /** The view's {@code received} maps a round's number (as text) to its statements, each {@code {path, value, text}}. */
    private static Process process(Map<String, Object> state, int rounds) {
        List<List<Statement>> received = new ArrayList<>();
        Map<?, ?> byRound = state.get("received") instanceof Map<?, ?> map ? map : Map.of();
        for (int round = 1; round <= rounds; round++) {
            List<Statement> statements = new ArrayList<>();
            if (byRound.get(Integer.toString(round)) instanceof List<?> heard) {
                for (Object statement : heard) {
                    Map<?, ?> fields = (Map<?, ?>) statement;
                    List<Integer> path = ((List<?>) fields.get("path")).stream().map(Integer.class::cast).toList();
                    statements.add(new Statement(path, (String) fields.get("value")));
                }
            }
            received.add(List.copyOf(statements));
        }
        List<String> vector = state.get("vector") instanceof List<?> values ? values.stream().map(String.class::cast).toList() : null;
        return new Process((String) state.get("value"), List.copyOf(received), vector);
    }

    /** Exactly the statements {@code node} heard in {@code round} (1 to m+1), sender first, ordered by path. */
    List<Statement> received(int node, int round) {
        if (round < 1 || round > rounds) {
            throw new IllegalArgumentException("round " + round + " does not exist; this run has rounds 1 to " + rounds);
        }
        return process(node).received().get(round - 1);
    }

    /** The vector {@code node} built after the last round; empty if it never did or has crashed since. */
    Optional<List<String>> finalVector(int node) {
        return Optional.ofNullable(process(node).vector());
    }

    /** The value {@code node} started with; empty while it is crashed. */
    Optional<String> value(int node) {
        return Optional.ofNullable(process(node).value());
    }

    /** The value each process started with, as the run set the processes up (before anything, even a crash). */
    List<String> initialValues() {
        return initialValues;
    }

    private Process process(int node) {
        if (node < 0 || node >= processes.size()) {
            throw new IllegalArgumentException(ProcessLabel.of(node) + " does not exist (n=" + processes.size() + ")");
        }
        return processes.get(node);
    }
}
