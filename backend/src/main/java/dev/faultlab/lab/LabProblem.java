package dev.faultlab.lab;

/**
 * Why a lab does not load: the file and line to fix, the field in it ("exercises[2].answer.round"),
 * and what is wrong. {@code line} is 0 when the problem is not about one line.
 */
public record LabProblem(String id, String file, int line, String field, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + message;
    }
}
