package dev.faultlab.lab;

import java.util.List;

/**
 * An answer the grader cannot read (wrong shape, unknown cell, a value that is not a number): it is
 * refused with these problems and costs no attempt.
 */
public final class InvalidAnswer extends Exception {
    private final List<String> problems;

    public InvalidAnswer(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidAnswer(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
