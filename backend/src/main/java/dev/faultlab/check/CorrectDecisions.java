package dev.faultlab.check;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the decision properties (agreement, validity, termination) read from a run, one event at a time: each
 * process's first decision, in the order they were made, and which processes are faulty so far. A property over
 * correct processes is judged again whenever either changes: a process that turns faulty stops counting, and
 * under crash-recovery one that recovers counts again.
 */
final class CorrectDecisions {
    /** A process's first decision: its event, the time of it, and the value. */
    record Decision(int node, int event, long time, Object value) {
    }

    private final FaultyProcesses faulty;
    private final Map<Integer, Decision> first = new LinkedHashMap<>();

    CorrectDecisions(FailureModel model) {
        this.faulty = new FaultyProcesses(model);
    }

    /** Reads an event; true if it changed a first decision or who is faulty. */
    boolean onEvent(TraceEvent event) {
        faulty.onEvent(event);
        if (event.kind() == EventKind.DECIDE) {
            return first.putIfAbsent(event.node(), new Decision(event.node(), event.seq(), event.time(), event.payload())) == null;
        }
        return event.kind() == EventKind.FAULT || event.kind() == EventKind.CRASH || event.kind() == EventKind.RECOVER;
    }

    boolean correct(int node) {
        return !faulty.faulty(node);
    }

    /** The first decisions of the processes correct so far, in the order they were made. */
    List<Decision> ofCorrect() {
        List<Decision> correct = new ArrayList<>();
        for (Decision decision : first.values()) {
            if (correct(decision.node())) {
                correct.add(decision);
            }
        }
        return correct;
    }

    Decision of(int node) {
        return first.get(node);
    }
}
