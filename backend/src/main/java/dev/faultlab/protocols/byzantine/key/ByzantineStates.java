package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.Reference;
import dev.faultlab.protocols.byzantine.Statement;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Byzantine agreement run as its processes' states show it at its end, as the state inspector reads them
 * (never the live process objects): what each process heard in each round, the value it started with and its
 * final vector. A crashed process has lost all three, as its volatile state is gone.
 */
final class ByzantineStates {
    private final List<ProcessStatus> processes;
    private final int rounds;

    private ByzantineStates(List<ProcessStatus> processes, int rounds) {
        this.processes = processes;
        this.rounds = rounds;
    }

    /** The processes at the end of the reference run. */
    static ByzantineStates atEnd(Simulation run) {
        return new ByzantineStates(run.processes(), run.rounds());
    }

    /** Exactly the statements {@code node} heard in {@code round} (1 to m+1), sender first, ordered by path. */
    List<Statement> received(int node, int round) {
        if (round < 1 || round > rounds) {
            throw new IllegalArgumentException("round " + round + " does not exist; this run has rounds 1 to " + rounds);
        }
        Object heard = state(node).get("received");
        if (!(heard instanceof Map<?, ?> byRound) || !(byRound.get(Integer.toString(round)) instanceof List<?> statements)) {
            return List.of();
        }
        List<Statement> received = new ArrayList<>(statements.size());
        for (Object statement : statements) {
            Map<?, ?> fields = (Map<?, ?>) statement;
            List<Integer> path = ((List<?>) fields.get("path")).stream().map(Integer.class::cast).toList();
            received.add(new Statement(path, (String) fields.get("value")));
        }
        return received;
    }

    /** The vector {@code node} built after the last round; empty if it never did or has crashed since. */
    Optional<List<String>> finalVector(int node) {
        Object vector = state(node).get("vector");
        return vector instanceof List<?> values ? Optional.of(values.stream().map(String.class::cast).toList()) : Optional.empty();
    }

    /** The value {@code node} started with; empty while it is crashed. */
    Optional<String> value(int node) {
        return Optional.ofNullable((String) state(node).get("value"));
    }

    /** The value each process started with, from the states the run set up, before anything happened. */
    static List<String> initialValues(Reference reference) {
        return reference.processesAt(-1).stream().map(process -> (String) process.state().get("value")).toList();
    }

    private Map<String, Object> state(int node) {
        if (node < 0 || node >= processes.size()) {
            throw new IllegalArgumentException(ProcessLabel.of(node) + " does not exist (n=" + processes.size() + ")");
        }
        return processes.get(node).state();
    }
}
