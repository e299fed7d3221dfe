package dev.faultlab.protocols.flooding.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.flooding.Known;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
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

    /**
     * When {@code round} (one of the run's) is over: the time of the ROUND event after it (the next round's start,
     * or the end of the rounds); after the whole run if the run ended before.
     */
    static long endOf(Trace trace, int round) {
        int rounds = 0;
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.ROUND && ++rounds == round + 1) {
                return trace.time(seq);
            }
        }
        return Long.MAX_VALUE;
    }

    /** Each process's own value, from its state as the run set it up (before anything, even a crash at time 0). */
    static List<Integer> inputs(Reference reference) {
        return reference.processesAt(-1).stream().map(process -> (Integer) process.state().get("input")).toList();
    }

    /** Per process: its own value, then each delivery of the rounds up to {@code round}. */
    static Solution known(Reference reference, Grid grid, int round) {
        Simulation run = reference.run();
        List<Integer> inputs = inputs(reference);
        Trace trace = run.trace();
        long end = endOf(trace, round);
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
