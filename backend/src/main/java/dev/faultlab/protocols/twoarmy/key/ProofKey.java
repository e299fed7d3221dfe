package dev.faultlab.protocols.twoarmy.key;

import dev.faultlab.check.Counterexample;
import dev.faultlab.key.Args;
import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.twoarmy.TwoArmy;
import dev.faultlab.protocols.twoarmy.TwoArmyRuns;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code twoarmy.proof}: the impossibility shown by runs: for each protocol length k = 1 to {@code upTo}, the
 * messenger whose loss breaks the k-message protocol (the first the search finds, catching one messenger after
 * the other) and who then attacks alone ({@code sparta} or {@code carthage}); {@code none} and {@code nobody} for a
 * length no single loss breaks.
 */
final class ProofKey implements GridKey {
    static final String NAME = "twoarmy.proof";
    static final String SPARTA = "sparta";
    static final String CARTHAGE = "carthage";
    static final String NOBODY = "nobody";
    static final String NONE = "none";
    static final int MAX_UP_TO = 8;
    private static final Spec SPEC = new Spec(NAME, TwoArmy.ID, Set.of("upTo"));

    /** The run that breaks the protocol of one length, if any. */
    private record Row(int k, Optional<Counterexample> found, int lost, TwoArmyRuns.Outcome outcome) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        int upTo = Args.integer(args, "upTo", field);
        if (upTo < 1 || upTo > MAX_UP_TO) {
            throw new KeyException(field + ".upTo", "must be from 1 to " + MAX_UP_TO + ", got " + upTo);
        }
    }

    private static List<Row> rows(Reference reference, Map<String, Object> args) {
        ProtocolRegistry registry = reference.registry();
        List<Row> rows = new ArrayList<>();
        for (int k = 1; k <= Args.integer(args, "upTo", "answer"); k++) {
            Optional<Counterexample> found = TwoArmyRuns.breaking(registry, Recipe.of(TwoArmy.ID, Map.of("k", k), reference.run().recipe().seed()));
            Simulation run = found.map(c -> TwoArmyRuns.played(registry, c.recipe())).orElse(null);
            rows.add(new Row(k, found, run == null ? 0 : TwoArmyRuns.firstLost(run),
                    run == null ? TwoArmyRuns.Outcome.BOTH_ATTACK : TwoArmyRuns.outcome(run)));
        }
        return rows;
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        List<Grid.Axis> axes = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Row row : rows(reference, args)) {
            String id = "k" + row.k();
            axes.add(new Grid.Axis(id, "k = " + row.k()));
            values.put(Grid.cell(id, "lost"), row.found().isPresent() ? Integer.toString(row.lost()) : NONE);
            values.put(Grid.cell(id, "alone"), switch (row.outcome()) {
                case SPARTA_ALONE -> SPARTA;
                case CARTHAGE_ALONE -> CARTHAGE;
                default -> NOBODY;
            });
        }
        return new Grid(axes, List.of(new Grid.Axis("lost", "messenger caught"), new Grid.Axis("alone", "attacks alone")),
                values, List.of());
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        // Typed, not picked: one column holds numbers, so the grid has no vocabulary of its own to offer as a list.
        return "lost".equals(column) ? CellFormat.numberOrWords(NONE) : CellFormat.vocabulary(List.of(SPARTA, CARTHAGE, NOBODY));
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return cell.endsWith("/lost")
                        ? "catching an earlier messenger leaves both generals short of a message, so both retreat"
                        : "the sender of the caught message got every message meant for it, its receiver did not";
            }

            @Override
            public String row(String row) {
                return "find the one messenger whose loss leaves one general with every message it waits for";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        List<Solution.Step> steps = new ArrayList<>();
        for (Row row : rows(reference, args)) {
            steps.add(new Solution.Step("k = " + row.k(), row.found().map(c -> "Catching messenger " + row.lost() + ": "
                    + c.verdict().explanation() + ". Catching any earlier one, both retreat.")
                    .orElse("No single lost messenger breaks it."), List.of()));
        }
        return new Solution(steps);
    }
}
