package dev.faultlab.sim;

import java.util.List;
import java.util.stream.Collectors;

/** A recipe that cannot run, with every problem found, each naming the field it is about. */
public final class RecipeException extends RuntimeException {
    /** One problem: the field's path in the recipe (e.g. {@code faults[2].target}) and what is wrong. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RecipeException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public RecipeException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
