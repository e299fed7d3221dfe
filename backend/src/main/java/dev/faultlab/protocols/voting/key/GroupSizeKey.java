package dev.faultlab.protocols.voting.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.voting.GroupSize;
import dev.faultlab.protocols.voting.Model;
import dev.faultlab.protocols.voting.Voting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code voting.group-size {maxK}}: the sizing table: for each fault model and each k from 1 to {@code maxK}, the
 * smallest group that masks k faults, found by running groups of growing size ({@link GroupSize}).
 */
final class GroupSizeKey implements GridKey {
    static final String NAME = "voting.group-size";
    private static final Spec SPEC = new Spec(NAME, Voting.ID, Set.of("maxK"));

    private record Table(int maxK, Map<Model, List<List<GroupSize.Trial>>> trials) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        maxK(args, field);
    }

    private static int maxK(Map<String, Object> args, String field) {
        int maxK = Args.integer(args, "maxK", field);
        if (maxK < 1 || maxK > 3) {
            throw new KeyException(field + ".maxK", "must be from 1 to 3, got " + maxK);
        }
        return maxK;
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return CellFormat.numberOrWords();
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Table table = table(reference, maxK(args, "answer"));
        List<Grid.Axis> rows = new ArrayList<>();
        List<Grid.Axis> columns = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int k = 1; k <= table.maxK(); k++) {
            columns.add(new Grid.Axis("k" + k, "k = " + k));
        }
        for (Model model : Model.values()) {
            rows.add(new Grid.Axis(model.id(), label(model)));
            List<List<GroupSize.Trial>> byK = table.trials().get(model);
            for (int k = 1; k <= table.maxK(); k++) {
                List<GroupSize.Trial> trials = byK.get(k - 1);
                values.put(Grid.cell(model.id(), "k" + k), Integer.toString(trials.get(trials.size() - 1).n()));
            }
        }
        return new Grid(rows, columns, values, List.of());
    }

    private static String label(Model model) {
        return switch (model) {
            case FAIL_SILENT -> "fail-silent replicas (the voter takes the first answer)";
            case VALUE -> "value faults, no agreement (the voter takes the majority)";
            case BYZANTINE -> "Byzantine replicas that must agree";
        };
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return "the smallest group in which the correct replicas still decide the outcome when k of them fail this way";
            }

            @Override
            public String row(String row) {
                return "ask how many correct answers the rule needs to outweigh k faulty ones";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Table table = table(reference, maxK(args, "answer"));
        List<Solution.Step> steps = new ArrayList<>();
        for (Model model : Model.values()) {
            for (int k = 1; k <= table.maxK(); k++) {
                List<GroupSize.Trial> trials = table.trials().get(model).get(k - 1);
                GroupSize.Trial last = trials.get(trials.size() - 1);
                String text = trials.size() == 1 ? "" : "With " + (last.n() - 1) + " replicas a run breaks: " + trials.get(trials.size() - 2).why() + ". ";
                steps.add(new Solution.Step(label(model) + ", k = " + k, text + "With " + last.n() + " replicas every run with k faulty ones "
                        + "gives the correct result.", List.of()));
            }
        }
        return new Solution(steps);
    }

    private static Table table(Reference reference, int maxK) {
        Table kept = reference.reading(Table.class, r -> search(r, maxK));
        return kept.maxK() == maxK ? kept : search(reference, maxK);
    }

    private static Table search(Reference reference, int maxK) {
        int input = VotingRuns.input(reference.run());
        Map<Model, List<List<GroupSize.Trial>>> trials = new LinkedHashMap<>();
        for (Model model : Model.values()) {
            List<List<GroupSize.Trial>> byK = new ArrayList<>();
            for (int k = 1; k <= maxK; k++) {
                byK.add(GroupSize.search(reference.registry(), model, k, input));
            }
            trials.put(model, byK);
        }
        return new Table(maxK, trials);
    }
}
