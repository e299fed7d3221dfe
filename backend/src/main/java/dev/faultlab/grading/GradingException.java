package dev.faultlab.grading;

import java.util.Map;

/**
 * A request about labs and grades that is refused, with a stable code and a message for the student or
 * instructor. The web layer turns the problem into an HTTP status; this package knows nothing of HTTP.
 */
public final class GradingException extends RuntimeException {
    /** Why a request was refused. */
    public enum Problem { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE }

    private final Problem problem;
    private final String code;
    private final Map<String, Object> details;

    public GradingException(Problem problem, String code, String message, Map<String, Object> details) {
        super(message);
        this.problem = problem;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    static GradingException notFound(String message) {
        return new GradingException(Problem.NOT_FOUND, "not_found", message, Map.of());
    }

    static GradingException conflict(String code, String message) {
        return new GradingException(Problem.CONFLICT, code, message, Map.of());
    }

    static GradingException invalid(String field, String message) {
        return new GradingException(Problem.INVALID, "bad_request", message, Map.of("field", field));
    }

    public Problem problem() {
        return problem;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
