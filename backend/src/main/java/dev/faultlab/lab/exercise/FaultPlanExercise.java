package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.check.Verdict;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.key.Reference;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fault-plan challenge: the student's faults are added to the scenario, the run is played to its end
 * within the usual budgets, and the key's property is checked on it. All or nothing; the feedback is
 * the checker's explanation of that run.
 */
public record FaultPlanExercise(ExerciseInfo info, Set<String> kinds, int maxFaults) implements GradedExercise {
    private static final String CELL = "plan";

    @Override
    public String type() {
        return "fault-plan";
    }

    private PropertyKey property() {
        return (PropertyKey) info.key();
    }

    @Override
    public Map<String, Object> input(Reference reference) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "fault-plan");
        input.put("recipe", reference.run().recipe());
        input.put("maxFaults", maxFaults);
        input.put("kinds", kinds.stream().sorted().toList());
        input.put("nodes", reference.run().nodeCount());
        return input;
    }

    @Override
    public Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer {
        List<Fault> plan = read(answer);
        Recipe scenario = reference.run().recipe();
        List<Fault> all = new ArrayList<>(scenario.faults());
        all.addAll(plan);
        Simulation run;
        try {
            run = Simulation.start(scenario.withFaults(all), reference.registry());
        } catch (RecipeException e) {
            throw new InvalidAnswer(e.problems().stream()
                    .map(p -> p.field().replaceFirst("^faults\\[(\\d+)]", "fault " + "$1") + ": " + p.message()).toList());
        }
        run.runToEnd();
        Verdict verdict = property().check(run, reference.registry(), info.args());
        return new Grade(verdict.holds() ? 1 : 0, List.of(new Grade.CellGrade(CELL, verdict.holds(), verdict.holds() ? "" : verdict.explanation())),
                verdict.explanation());
    }

    private List<Fault> read(JsonNode answer) throws InvalidAnswer {
        JsonNode faults = Answers.field(answer, "faults", "a list of faults {at, kind, target, params}");
        if (!faults.isArray()) {
            throw new InvalidAnswer("'faults' must be a list of faults {at, kind, target, params}.");
        }
        if (faults.isEmpty() || faults.size() > maxFaults) {
            throw new InvalidAnswer("The plan must have between 1 and " + maxFaults + (maxFaults == 1 ? " fault" : " faults")
                    + ", it has " + faults.size() + ".");
        }
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            Fault fault;
            try {
                fault = Answers.JSON.treeToValue(faults.get(i), Fault.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new InvalidAnswer("Fault " + (i + 1) + " cannot be read: give at, kind, target and params.");
            }
            if (fault == null || fault.kind() == null || !kinds.contains(fault.kind().name())) {
                throw new InvalidAnswer("Fault " + (i + 1) + ": the kind must be one of " + kinds.stream().sorted().toList() + ".");
            }
            plan.add(fault);
        }
        return plan;
    }

    /** A plan the platform finds by search; a lab whose challenge cannot be met fails to load. */
    /** The checker's explanation of the student's own run is the feedback. */
    @Override
    public FeedbackLevel defaultFeedback(Reference reference) {
        return FeedbackLevel.CELLS;
    }

    @Override
    public JsonNode expected(Reference reference) {
        List<Fault> plan = property().find(reference, kinds, maxFaults, info.args())
                .orElseThrow(() -> new IllegalStateException("no plan of at most " + maxFaults + " faults of kinds " + kinds
                        + " meets the challenge"));
        ObjectNode answer = Answers.JSON.createObjectNode();
        answer.set("faults", Answers.JSON.valueToTree(plan));
        return answer;
    }

    /** A wrong answer is {@code faults: [...]}. */
    @Override
    public List<JsonNode> wrongAnswers(Reference reference) {
        return info.wrong().stream().map(spec -> (JsonNode) spec.deepCopy()).toList();
    }
}
