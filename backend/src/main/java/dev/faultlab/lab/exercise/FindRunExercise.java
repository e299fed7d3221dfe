package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.explore.SearchTarget;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Find a run that violates P (or reaches goal G)": the student makes the run in the run view (or writes its recipe)
 * from the exercise's scenario, and it is graded by replaying it with the protocol's monitors. The run must be of the
 * scenario (protocol, parameters, seed, network); what may differ is what the student did: the faults and message
 * actions added and the scheduling choices made, within the exercise's kinds and fault count. Nothing is worked out
 * by hand: the expected answer is the explorer's shortest run, and a scenario the explorer cannot break within its
 * bounds does not load.
 *
 * @param target    the property to violate or the goal to reach
 * @param kinds     the kinds of faults the student may add; empty for any
 * @param maxFaults at most this many faults (scheduling actions not counted); null for no limit
 * @param bounds    the explorer's bounds for proving the exercise solvable
 */
public record FindRunExercise(ExerciseInfo info, SearchTarget target, Scenario scenario, Set<String> kinds,
                              Integer maxFaults, SearchBounds bounds) implements GradedExercise {
    /**
     * Message actions that only choose an order the network could have chosen itself, like the scheduling choices:
     * always allowed, never counted as faults.
     */
    static final Set<FaultKind> SCHEDULING = Set.of(FaultKind.HOLD, FaultKind.RELEASE, FaultKind.DELIVER);
    private static final String CELL = "run";

    public FindRunExercise {
        kinds = Set.copyOf(kinds);
    }

    @Override
    public String type() {
        return "find-run";
    }

    /** The recipe the student starts from: the variant's, with the exercise's parameters and without its faults. */
    public Recipe start(Reference reference) {
        return scenario.of(reference.run().recipe());
    }

    @Override
    public Map<String, Object> input(Reference reference) {
        Recipe start = start(reference);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "find-run");
        input.put("recipe", start);
        input.put("target", describe(reference));
        input.put("kinds", kinds.stream().sorted().toList());
        input.put("maxFaults", maxFaults);
        return input;
    }

    /** {@code {violates: property}} or {@code {reaches: goal, description}}: what the student is to bring about. */
    private Map<String, Object> describe(Reference reference) {
        Map<String, Object> described = new LinkedHashMap<>();
        if (target instanceof SearchTarget.Reaching reaching) {
            Recipe start = start(reference);
            Protocol protocol = reference.registry().find(start.protocol()).orElseThrow();
            described.put("reaches", reaching.goal());
            protocol.goals(Params.check(protocol.parameters(), start.params(), start.seed()), start.network()).stream()
                    .filter(g -> g.name().equals(reaching.goal())).findFirst()
                    .ifPresent(goal -> described.put("description", goal.description()));
        } else {
            described.put("violates", String.join(", ", ((SearchTarget.Violating) target).properties()));
        }
        return described;
    }

    @Override
    public Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer {
        Recipe start = start(reference);
        Recipe run = sameScenario(start, read(answer, start));
        // The scenario has no faults of its own: every fault of the run is one the student added.
        List<Fault> added = run.faults();
        String over = overLimits(added);
        if (over != null) {
            return wrong(over);
        }
        Simulation replay;
        try {
            replay = Simulation.start(run.withBudgets(start.budgets()), reference.registry(), target.monitors());
        } catch (RecipeException e) {
            throw new InvalidAnswer(e.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
        }
        replay.runToEnd();
        Monitor.Violation found = target.foundIn(replay.monitors());
        if (found != null) {
            String text = "Your run shows " + target.describe() + ": " + found.explanation() + ".";
            return new Grade(1, List.of(new Grade.CellGrade(CELL, true, "")), text);
        }
        return wrong(missed(reference, run));
    }

    private static Grade wrong(String feedback) {
        return new Grade(0, List.of(new Grade.CellGrade(CELL, false, feedback)), feedback);
    }

    /** Why the run does not count, in words: which monitors it left green. */
    private String missed(Reference reference, Recipe run) {
        if (target instanceof SearchTarget.Reaching) {
            return "Your run never reaches " + target.describe() + ".";
        }
        Simulation all = Simulation.start(run, reference.registry(), MonitorSource.PROTOCOL);
        all.runToEnd();
        List<String> broken = all.monitors().stream().filter(m -> m.violation() != null).map(Monitor::property).toList();
        return broken.isEmpty() ? "Your run ends with every monitor green: it shows no " + target.describe().replaceFirst("^a ", "") + "."
                : "Your run breaks " + String.join(", ", broken) + ", but not what the exercise asks for: " + target.describe() + ".";
    }

    /** The recipe of the answer: given by the student, or filled in by the server from the run they named. */
    private static Recipe read(JsonNode answer, Recipe start) throws InvalidAnswer {
        if (answer != null && answer.isObject() && answer.has("recipe")) {
            try {
                Recipe recipe = Answers.JSON.treeToValue(answer.get("recipe"), Recipe.class);
                if (recipe == null) {
                    throw new InvalidAnswer("'recipe' must be a run's recipe.");
                }
                return recipe;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new InvalidAnswer("'recipe' cannot be read as a run's recipe: " + e.getMessage());
            }
        }
        if (answer != null && answer.isObject() && answer.has("faults")) {
            // The scenario with these faults, in the form of a fault plan (the lab's wrong answers use it).
            List<Fault> faults = new ArrayList<>();
            for (JsonNode fault : answer.get("faults")) {
                try {
                    faults.add(Answers.JSON.treeToValue(fault, Fault.class));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new InvalidAnswer("A fault cannot be read: give at, kind, target and params.");
                }
            }
            return start.withFaults(faults);
        }
        throw new InvalidAnswer("The answer must name one of your runs ('run': its id) or give a recipe ('recipe').");
    }

    /** The run, if it is of the scenario; what differs is named otherwise (such an answer uses no attempt). */
    private static Recipe sameScenario(Recipe start, Recipe run) throws InvalidAnswer {
        List<String> differs = new ArrayList<>();
        if (!start.protocol().equals(run.protocol())) {
            differs.add("it runs " + run.protocol() + ", not " + start.protocol());
        } else {
            Map<String, Object> expected = normal(start.params());
            Map<String, Object> given = normal(run.params());
            if (!expected.equals(given)) {
                differs.add("its parameters are " + given + ", the scenario's " + expected);
            }
            if (start.seed() != run.seed()) {
                differs.add("its seed is " + run.seed() + ", the scenario's " + start.seed());
            }
            if (!normal(start.network()).equals(normal(run.network()))) {
                differs.add("its network is not the scenario's");
            }
        }
        if (!differs.isEmpty()) {
            throw new InvalidAnswer("This run does not start from the exercise's scenario: " + String.join("; ", differs)
                    + ". Open the scenario from the exercise and make the run there.");
        }
        return run;
    }

    /** The value as JSON reads it back, so 1 and 1L, or a list and an immutable list, compare equal. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normal(Object value) {
        return new TreeMap<>(Answers.JSON.convertValue(value, Map.class));
    }

    /** The first limit the added faults break, in words; null within them. */
    private String overLimits(List<Fault> added) {
        Map<String, Integer> counted = new TreeMap<>();
        for (Fault fault : added) {
            if (fault.kind() == null || SCHEDULING.contains(fault.kind())) {
                continue;
            }
            if (!kinds.isEmpty() && !kinds.contains(fault.kind().name())) {
                return "Your run uses a " + name(fault.kind()) + "; this exercise allows only " + kinds.stream().sorted()
                        .map(FindRunExercise::name).toList() + ".";
            }
            counted.merge(name(fault.kind()), 1, Integer::sum);
        }
        int total = counted.values().stream().mapToInt(Integer::intValue).sum();
        if (maxFaults != null && total > maxFaults) {
            List<String> parts = counted.entrySet().stream().map(e -> e.getValue() + " " + plural(e.getKey(), e.getValue())).toList();
            return "Your run uses " + total + " faults (" + String.join(", ", parts) + "); at most " + maxFaults + ".";
        }
        return null;
    }

    private static String plural(String noun, int count) {
        return count == 1 ? noun : noun + (noun.endsWith("sh") || noun.endsWith("s") ? "es" : "s");
    }

    private static String name(Object kind) {
        return kind.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The run a student makes is graded as a whole; the feedback says what it shows. */
    @Override
    public FeedbackLevel defaultFeedback(Reference reference) {
        return FeedbackLevel.CELLS;
    }

    /** The explorer's shortest run from the scenario, kept with the reference run (one search per variant). */
    public SearchResult search(Reference reference) {
        Map<String, SearchResult> searches = reference.reading(Searches.class, r -> new Searches(new ConcurrentHashMap<>())).byExercise();
        return searches.computeIfAbsent(id(), exercise -> {
            Recipe start = start(reference);
            Protocol protocol = reference.registry().find(start.protocol()).orElseThrow();
            target.requireKnown(protocol, Params.check(protocol.parameters(), start.params(), start.seed()), start.network());
            return new Search(reference.registry(), start, bounds.capped(SearchBounds.SERVER_CAPS), target, progress -> { },
                    () -> false).run();
        });
    }

    /** The searches made on one reference run, by exercise. */
    private record Searches(Map<String, SearchResult> byExercise) {
    }

    @Override
    public JsonNode expected(Reference reference) {
        SearchResult result = search(reference);
        if (result.outcome() != SearchResult.Outcome.FOUND) {
            throw new Unsolvable("the explorer finds no run showing " + target.describe() + " within its bounds (" + result.outcome()
                    .name().toLowerCase(Locale.ROOT) + " after " + result.progress().explored() + " states): raise "
                    + "search.maxDepth, maxCrashes or maxDrops, or change the scenario");
        }
        ObjectNode answer = Answers.JSON.createObjectNode();
        answer.set("recipe", Answers.JSON.valueToTree(result.counterexample()));
        return answer;
    }

    /** A wrong answer is {@code faults: [...]}: the scenario with these faults. */
    @Override
    public List<JsonNode> wrongAnswers(Reference reference) {
        return info.wrong().stream().map(spec -> (JsonNode) spec.deepCopy()).toList();
    }

    /** The explorer's run, step by step as the run view shows its faults. */
    @Override
    public Solution solution(Reference reference) {
        SearchResult result = search(reference);
        if (result.outcome() != SearchResult.Outcome.FOUND) {
            return Solution.NONE;
        }
        Recipe found = result.counterexample();
        List<Solution.Step> steps = new ArrayList<>();
        steps.add(new Solution.Step("The shortest run", "The explorer's shortest run has " + result.steps() + " steps ("
                + found.schedule().size() + " scheduling choices) and these faults: " + found.faults().stream()
                .map(f -> name(f.kind()) + (f.target() == null ? "" : " P" + (f.target() + 1)) + " before event " + f.atEvent()
                        + (f.params().isEmpty() ? "" : " " + f.params())).toList() + ".", List.of()));
        steps.add(new Solution.Step("What it shows", result.violation().explanation(), result.violation().witnesses()));
        return new Solution(steps);
    }

    /** The scenario cannot be broken within the explorer's bounds. */
    public static final class Unsolvable extends RuntimeException {
        Unsolvable(String message) {
            super(message);
        }
    }
}
