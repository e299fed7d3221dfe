package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.byzantine.ByzantineResults;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code byzantine.vector {node, arbitrary}}: the vector {@code node} builds after the last round, one
 * row, a column per process. With {@code arbitrary: true} the traitors' entries are don't-care cells.
 * Error carried forward: from the student's own answers for every round of the same node, the vector
 * the protocol's majority rule gives.
 */
final class ByzantineVectorKey implements GridKey {
    static final String NAME = "byzantine.vector";

    private static final Spec SPEC = new Spec(NAME, ByzantineAgreement.ID, Set.of("node", "arbitrary"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.integer(args, "node", field);
        Args.flag(args, "arbitrary", field);
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        int node = (Integer) args.get("node");
        return grid(reference, args, ByzantineStates.of(reference).finalVector(node).orElseThrow(() ->
                new IllegalStateException(ProcessLabel.of(node) + " has no final vector: it crashed, or the run ended early")));
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return ByzantineReasons.vector(reference.run(), (Integer) args.get("node"));
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return ByzantineSolutions.vector(reference, (Integer) args.get("node"));
    }

    @Override
    public Optional<Grid> carriedForward(Reference reference, Map<String, Object> args, Earlier earlier) {
        Simulation run = reference.run();
        int node = (Integer) args.get("node");
        Map<String, String> heard = new HashMap<>();
        for (int round = 1; round <= run.rounds(); round++) {
            Map<String, Object> roundArgs = new HashMap<>();
            roundArgs.put("node", node);
            roundArgs.put("round", round);
            Optional<Map<String, String>> cells = earlier.cells(ByzantineReceivedKey.NAME, roundArgs);
            if (cells.isEmpty()) {
                return Optional.empty();
            }
            heard.putAll(cells.get());
        }
        String own = ByzantineStates.of(reference).value(node).orElseThrow();
        List<String> vector = ByzantineResults.vectorFrom(node, run.nodeCount(), run.rounds(), own, path -> heard.get(
                Grid.cell(ByzantineGrids.rowId(path.subList(0, path.size() - 1)), ProcessLabel.of(path.get(path.size() - 1)))));
        return Optional.of(grid(reference, args, vector));
    }

    private static Grid grid(Reference reference, Map<String, Object> args, List<String> vector) {
        Simulation run = reference.run();
        boolean arbitrary = Boolean.TRUE.equals(args.get("arbitrary"));
        Map<String, String> values = new LinkedHashMap<>();
        for (int id = 0; id < run.nodeCount(); id++) {
            boolean unknown = arbitrary && !ByzantineGrids.loyal(run, id);
            values.put(Grid.cell(ByzantineGrids.VECTOR, ProcessLabel.of(id)), unknown ? null : vector.get(id));
        }
        return new Grid(List.of(new Grid.Axis(ByzantineGrids.VECTOR, "vector")), ByzantineGrids.processes(run.nodeCount()),
                values, ByzantineGrids.vocabulary(reference));
    }
}
