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
import dev.faultlab.protocols.byzantine.Statement;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code byzantine.received {node, round, arbitrary}}: what {@code node} hears in {@code round}, a row per
 * chain of relays, a column per origin. With {@code arbitrary: true} the lab treats the traitors' lies
 * as unknown to the student, so every cell whose chain passes through a traitor is a don't-care cell.
 * Error carried forward: a loyal relay of a loyal speaker repeats what the receiver itself heard from
 * that speaker one round earlier, so such a cell is graded against the student's own earlier answer.
 */
final class ByzantineReceivedKey implements GridKey {
    static final String NAME = "byzantine.received";

    private static final Spec SPEC = new Spec(NAME, ByzantineAgreement.ID, Set.of("node", "round", "arbitrary"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.round(args, field);
        Args.integer(args, "node", field);
        Args.flag(args, "arbitrary", field);
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        return grid(reference, args, path -> Optional.empty());
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return ByzantineReasons.received(reference.run(), (Integer) args.get("node"), (Integer) args.get("round"));
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return ByzantineSolutions.received(reference.run(), expected(reference, args), (Integer) args.get("node"),
                (Integer) args.get("round"));
    }

    @Override
    public Optional<Grid> carriedForward(Reference reference, Map<String, Object> args, Earlier earlier) {
        int round = (Integer) args.get("round");
        if (round < 2) {
            return Optional.empty();
        }
        Map<String, Object> previous = new HashMap<>(args);
        previous.put("round", round - 1);
        Optional<Map<String, String>> cells = earlier.cells(NAME, previous);
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        Simulation run = reference.run();
        return Optional.of(grid(reference, args, path -> {
            if (!ByzantineGrids.loyal(run, path.get(0)) || !ByzantineGrids.loyal(run, path.get(1))) {
                return Optional.empty();
            }
            List<Integer> repeated = path.subList(1, path.size());
            String cell = Grid.cell(ByzantineGrids.rowId(repeated.subList(0, repeated.size() - 1)), ProcessLabel.of(repeated.get(repeated.size() - 1)));
            return Optional.ofNullable(cells.get().get(cell));
        }));
    }

    private interface CellRule {
        Optional<String> valueFor(List<Integer> path);
    }

    private static Grid grid(Reference reference, Map<String, Object> args, CellRule override) {
        Simulation run = reference.run();
        int node = (Integer) args.get("node");
        int round = (Integer) args.get("round");
        boolean arbitrary = Boolean.TRUE.equals(args.get("arbitrary"));
        Map<List<Integer>, String> heard = new HashMap<>();
        for (Statement statement : ByzantineStates.of(reference).received(node, round)) {
            heard.put(statement.path(), statement.value());
        }
        Set<List<Integer>> prefixes = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (List<Integer> path : ByzantineResults.chains(node, run.nodeCount(), round)) {
            List<Integer> prefix = path.subList(0, path.size() - 1);
            prefixes.add(prefix);
            String cell = Grid.cell(ByzantineGrids.rowId(prefix), ProcessLabel.of(path.get(path.size() - 1)));
            boolean unknown = arbitrary && path.stream().anyMatch(id -> !ByzantineGrids.loyal(run, id));
            values.put(cell, unknown ? null
                    : override.valueFor(path).orElseGet(() -> ByzantineGrids.orDefault(heard.get(path))));
        }
        List<Grid.Axis> rows = prefixes.stream().map(p -> new Grid.Axis(ByzantineGrids.rowId(p), ByzantineGrids.rowLabel(p))).toList();
        return new Grid(rows, ByzantineGrids.processes(run.nodeCount()), values, ByzantineGrids.vocabulary(reference));
    }
}
