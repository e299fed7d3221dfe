package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.byzantine.Majority;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How Byzantine agreement's answers are laid out: a row per chain of relays ("P0 says P4 says"), a
 * column per origin, so each row reads like one vector of the lecture's table.
 */
final class ByzantineGrids {
    static final String DIRECT = "-";
    static final String VECTOR = "vector";
    private static final List<String> ORDERS = List.of("ATTACK", "RETREAT");

    private ByzantineGrids() {
    }

    static String rowId(List<Integer> speakers) {
        return speakers.isEmpty() ? DIRECT : speakers.stream().map(ProcessLabel::of).collect(Collectors.joining(":"));
    }

    static String rowLabel(List<Integer> speakers) {
        return speakers.isEmpty() ? "heard directly" : speakers.stream().map(id -> ProcessLabel.of(id) + " says").collect(Collectors.joining(" "));
    }

    static List<Grid.Axis> processes(int n) {
        List<Grid.Axis> columns = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            columns.add(new Grid.Axis(ProcessLabel.of(id), ProcessLabel.of(id)));
        }
        return columns;
    }

    /** ATTACK and RETREAT when the processes start with only those (the lecture's orders); otherwise free text. */
    static List<String> vocabulary(Reference reference) {
        return ORDERS.containsAll(ByzantineStates.of(reference).initialValues()) ? ORDERS : List.of();
    }

    /** A value never heard counts as the majority rule's default, as the protocol itself counts it. */
    static String orDefault(String value) {
        return value == null ? Majority.NO_MAJORITY : value;
    }

    static boolean loyal(Simulation run, int node) {
        return !run.faultyNodes().get(node);
    }
}
