package dev.faultlab.protocols.flooding.key;

import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code flooding.decisions}: for each process, the value it decides and the round at the end of which it
 * does (the protocol decides once its last round is over), or "crashed" in both cells for a process that
 * never decides.
 */
final class FloodingDecisionsKey implements GridKey {
    static final String NAME = "flooding.decisions";
    static final String CRASHED = "crashed";

    private static final Spec SPEC = new Spec(NAME, FloodingConsensus.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return CellFormat.numberOrWords(CRASHED);
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return FloodingExplained.decisions(reference.run().rounds());
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return FloodingExplained.decisions(reference.run(), expected(reference, args));
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Simulation run = reference.run();
        Trace trace = run.trace();
        Map<Integer, TraceEvent> decisions = new LinkedHashMap<>();
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.DECIDE) {
                decisions.putIfAbsent(trace.node(seq), trace.event(seq));
            }
        }
        int lastRound = run.rounds();
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (int node = 0; node < run.nodeCount(); node++) {
            String row = ProcessLabel.of(node);
            rows.add(new Grid.Axis(row, row));
            TraceEvent decision = decisions.get(node);
            Object value = run.decisions().get(node);
            values.put(Grid.cell(row, "value"), decision == null ? CRASHED : String.valueOf(value));
            values.put(Grid.cell(row, "round"), decision == null ? CRASHED : Integer.toString(lastRound));
        }
        return new Grid(rows, List.of(new Grid.Axis("value", "decides"), new Grid.Axis("round", "in round")), values, List.of());
    }
}
