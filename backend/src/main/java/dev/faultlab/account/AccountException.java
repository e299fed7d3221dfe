package dev.faultlab.account;

import java.time.Duration;
import java.util.Map;

/**
 * A request the account domain refuses, with a message meant for the person who made it.
 * The web layer turns the problem into an HTTP status; this package knows nothing of HTTP.
 */
public final class AccountException extends RuntimeException {
    /** Why a request was refused. */
    public enum Problem { INVALID, BAD_CREDENTIALS, NOT_FOUND, CONFLICT, TOO_MANY_ATTEMPTS }

    private final Problem problem;
    private final Map<String, Object> details;

    public AccountException(Problem problem, String message, Map<String, Object> details) {
        super(message);
        this.problem = problem;
        this.details = Map.copyOf(details);
    }

    /** A bad value in the named request field. */
    public static AccountException invalid(String field, String message) {
        return new AccountException(Problem.INVALID, message, Map.of("field", field));
    }

    public static AccountException notFound(String message) {
        return new AccountException(Problem.NOT_FOUND, message, Map.of());
    }

    public static AccountException conflict(String field, String message) {
        return new AccountException(Problem.CONFLICT, message, Map.of("field", field));
    }

    public static AccountException tooManyAttempts(String message, Duration retryAfter) {
        return new AccountException(Problem.TOO_MANY_ATTEMPTS, message,
                Map.of("retryAfterSeconds", Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, Object> details() {
        return details;
    }
}
