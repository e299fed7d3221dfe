package dev.faultlab.lab;

import java.util.List;

/** A lab folder that does not give a usable lab, with every problem found. */
public final class LabLoadException extends Exception {
    private final List<LabProblem> problems;

    public LabLoadException(List<LabProblem> problems) {
        super(problems.stream().map(LabProblem::toString).reduce((a, b) -> a + "\n" + b).orElse("unknown problem"));
        this.problems = List.copyOf(problems);
    }

    public List<LabProblem> problems() {
        return problems;
    }
}
