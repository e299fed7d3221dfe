package dev.faultlab.run;

/** A request the run service refuses, with the field it is about (or null) and what kind of refusal it is. */
public final class RunProblem extends RuntimeException {
    public enum Kind { NOT_FOUND, INVALID, CONFLICT, TOO_MANY }

    private final Kind kind;
    private final String field;

    public RunProblem(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static RunProblem notFound(String what) {
        return new RunProblem(Kind.NOT_FOUND, null, what);
    }

    public static RunProblem invalid(String field, String message) {
        return new RunProblem(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
