package dev.faultlab.protocols.voting.key;

import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.voting.Model;
import dev.faultlab.protocols.voting.Voting;
import dev.faultlab.protocols.voting.VotingStates;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code voting.output}: the result the client accepts from the reference run's replica answers, once with the
 * voter of a fail-silent group (the first answer) and once with that of a value-fault group (the majority): the
 * reference recipe run with each model.
 */
final class VoterOutputKey implements GridKey {
    static final String NAME = "voting.output";
    private static final List<Model> VOTERS = List.of(Model.FAIL_SILENT, Model.VALUE);
    private static final Spec SPEC = new Spec(NAME, Voting.ID, Set.of());

    private record Outputs(Map<Model, TraceEvent> accepted, Map<Model, Simulation> runs) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return CellFormat.numberOrWords(VotingStates.NONE);
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Outputs outputs = reference.reading(Outputs.class, VoterOutputKey::read);
        List<Grid.Axis> rows = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Model model : VOTERS) {
            rows.add(new Grid.Axis(model.id(), model == Model.FAIL_SILENT ? "voter for fail-silent replicas" : "voter for value faults"));
            TraceEvent accepted = outputs.accepted().get(model);
            values.put(Grid.cell(model.id(), "output"), accepted == null ? VotingStates.NONE : String.valueOf(accepted.payload()));
        }
        return new Grid(rows, List.of(new Grid.Axis("output", "the client accepts")), values, List.of());
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return cell.startsWith(Model.FAIL_SILENT.id()) ? "the voter takes the first answer that arrives (answers arrive in replica order)"
                        : "the voter takes a value only if more than half of the whole group answered it; else none";
            }

            @Override
            public String row(String row) {
                return cell(row + "/output");
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Outputs outputs = reference.reading(Outputs.class, VoterOutputKey::read);
        List<Solution.Step> steps = new ArrayList<>();
        for (Model model : VOTERS) {
            TraceEvent accepted = outputs.accepted().get(model);
            Simulation run = outputs.runs().get(model);
            String vote = run.trace().events().stream().filter(e -> e.node() == VotingRuns.client(run) && e.kind() == dev.faultlab.sim.EventKind.STATE)
                    .map(e -> String.valueOf(e.payload())).findFirst().orElse("no answers");
            steps.add(new Solution.Step(model.id() + " voter", "The voter " + model.rule() + ": " + vote + ".",
                    accepted == null ? List.of() : List.of(accepted.seq())));
        }
        return new Solution(steps);
    }

    private static Outputs read(Reference reference) {
        Map<Model, TraceEvent> accepted = new LinkedHashMap<>();
        Map<Model, Simulation> runs = new LinkedHashMap<>();
        Recipe recipe = reference.run().recipe();
        for (Model model : VOTERS) {
            Map<String, Object> params = new LinkedHashMap<>(recipe.params());
            params.put("model", model.id());
            Simulation run = Simulation.start(new Recipe(recipe.protocol(), params, recipe.seed(), recipe.faults(), recipe.network(),
                    recipe.budgets(), List.of()), reference.registry());
            run.runToEnd();
            runs.put(model, run);
            accepted.put(model, VotingRuns.accepted(run));
        }
        return new Outputs(accepted, runs);
    }
}
