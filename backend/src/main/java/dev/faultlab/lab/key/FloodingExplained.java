package dev.faultlab.lab.key;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.protocols.flooding.Known;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The rules behind the flooding keys' cells, and their worked solutions from the reference run. */
final class FloodingExplained {
    private FloodingExplained() {
    }

    static GridReasons known(int round) {
        String rule = "V holds the process's own value and every value delivered to it by the end of round " + round
                + "; a process that is down at the end of round " + round + " is 'crashed'";
        return rules(rule, rule);
    }

    static GridReasons decisions(int lastRound) {
        String value = "a process still up at the end of the last round decides the smallest value it knows; one that "
                + "crashed never decides ('crashed')";
        String round = "every process that decides does so at the end of the last round (f+1 = " + lastRound + ")";
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return cell.endsWith("/round") ? round : value;
            }

            @Override
            public String row(String row) {
                return value + "; " + round;
            }
        };
    }

    private static GridReasons rules(String cell, String row) {
        return new GridReasons() {
            @Override
            public String cell(String id) {
                return cell;
            }

            @Override
            public String row(String id) {
                return row;
            }
        };
    }

    /** Per process: its own value, then each delivery of the rounds up to {@code round}. */
    static Solution known(Simulation run, Grid grid, int round) {
        List<Integer> inputs = FloodingConsensus.inputs(run.recipe());
        Trace trace = run.trace();
        long end = round * Simulation.ROUND_TICKS;
        List<Solution.Step> steps = new ArrayList<>();
        for (int node = 0; node < run.nodeCount(); node++) {
            List<Integer> events = new ArrayList<>();
            TreeSet<Integer> from = new TreeSet<>();
            for (int seq = 0; seq < trace.size() && trace.time(seq) < end; seq++) {
                TraceEvent event = trace.event(seq);
                if (event.node() == node && (event.kind() == EventKind.CRASH || event.kind() == EventKind.RECOVER
                        || event.kind() == EventKind.DELIVER && event.payload() instanceof Known)) {
                    events.add(seq);
                    if (event.kind() == EventKind.DELIVER) {
                        from.add(event.peer());
                    }
                }
            }
            String row = ProcessLabel.of(node);
            steps.add(new Solution.Step(row, row + " starts with " + inputs.get(node) + (from.isEmpty() ? "" : " and hears from "
                    + ProcessLabel.listed(List.copyOf(from))) + " by the end of round " + round + ": V = "
                    + grid.values().get(Grid.cell(row, "V")) + ".", events));
        }
        return new Solution(steps);
    }

    static Solution decisions(Simulation run, Grid grid) {
        Trace trace = run.trace();
        List<Solution.Step> steps = new ArrayList<>();
        for (Grid.Axis row : grid.rows()) {
            int node = ProcessLabel.id(row.id());
            List<Integer> events = new ArrayList<>();
            for (int seq = 0; seq < trace.size(); seq++) {
                if (trace.node(seq) == node && (trace.kind(seq) == EventKind.DECIDE || trace.kind(seq) == EventKind.CRASH)) {
                    events.add(seq);
                }
            }
            String value = grid.values().get(Grid.cell(row.id(), "value"));
            steps.add(new Solution.Step(row.label(), FloodingDecisionsKey.CRASHED.equals(value)
                    ? row.id() + " crashed and never decides."
                    : row.id() + " decides " + value + ", the smallest value it knows, at the end of round "
                    + grid.values().get(Grid.cell(row.id(), "round")) + ".", events));
        }
        return new Solution(steps);
    }
}
