package dev.faultlab.run;

/** A request the run service refuses, with the field it is about (or null) and what kind of refusal it is. */
public final class RunProblem extends RuntimeException {
    /**
     * {@code ELSEWHERE}: another server instance holds the run live. {@code UNREADABLE}: the saved run can no longer
     * be replayed by this server (its recipe does not load); its owner can still delete it.
     */
    public enum Kind { NOT_FOUND, INVALID, CONFLICT, TOO_MANY, ELSEWHERE, UNREADABLE }

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

    /** This instance lost the run it held (another took it, or it was deleted). */
    static RunProblem elsewhere() {
        return new RunProblem(Kind.ELSEWHERE, null, "This run is now open on another FaultLab server, or was deleted;"
                + " nothing more was saved here. Reload the run to continue where it is now.");
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    /** The API's error code for this refusal. */
    public String code() {
        return switch (kind) {
            case NOT_FOUND -> "not_found";
            case INVALID -> "bad_request";
            case CONFLICT -> "conflict";
            case TOO_MANY -> "too_many_requests";
            case ELSEWHERE -> "run_elsewhere";
            case UNREADABLE -> "run_unreadable";
        };
    }
}
