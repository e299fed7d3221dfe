package dev.faultlab.web;

import dev.faultlab.account.AccountException;
import dev.faultlab.grading.GradingException;
import dev.faultlab.run.RunProblem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Turns every failure into the API's error shape with the right status, so a browser never sees a
 * stack trace or an empty page. Unexpected failures are logged with an id the user can quote.
 */
final class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage(), e.details()));
        routes.exception(RunProblem.class, (e, ctx) -> respond(ctx, statusOf(e.kind()), e.code(),
                e.getMessage(), e.field() == null ? Map.of() : Map.of("field", e.field())));
        routes.exception(AccountException.class, ApiErrors::refused);
        routes.exception(GradingException.class, (e, ctx) -> respond(ctx, statusOf(e.problem()), e.code(),
                e.getMessage(), e.details()));
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(),
                codeFor(e.getStatus()), messageFor(e.getStatus(), e.getMessage()), Map.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (DatabaseGate.lostConnection(e)) {
                log.warn("{} {}: the database connection was lost ({})", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", DatabaseGate.RETRY_AFTER_SECONDS);
                respond(ctx, 503, "database_unavailable", DatabaseGate.MESSAGE, Map.of());
                return;
            }
            String incident = UUID.randomUUID().toString();
            log.error("Unexpected failure on {} {} (incident {})", ctx.method(), ctx.path(), incident, e);
            respond(ctx, 500, "internal_error",
                    "Something went wrong on the server. It was logged as incident " + incident + ".",
                    Map.of("incident", incident));
        });
        for (int status : new int[] {400, 404, 405, 413, 415, 500, 503}) {
            routes.error(status, "*", ctx -> {
                if (ctx.resultInputStream() == null) {
                    respond(ctx, status, codeFor(status), messageFor(status, null), Map.of());
                }
            });
        }
    }

    /** The account domain's refusals, as HTTP. */
    private static void refused(AccountException e, Context ctx) {
        int status = switch (e.problem()) {
            case INVALID -> 400;
            case BAD_CREDENTIALS -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_ATTEMPTS -> 429;
        };
        String code = switch (e.problem()) {
            case INVALID -> "invalid_input";
            case BAD_CREDENTIALS -> "bad_credentials";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
            case TOO_MANY_ATTEMPTS -> "too_many_attempts";
        };
        if (e.details().get("retryAfterSeconds") instanceof Number seconds) {
            ctx.header("Retry-After", String.valueOf(seconds.longValue()));
        }
        respond(ctx, status, code, e.getMessage(), e.details());
    }

    private static int statusOf(GradingException.Problem problem) {
        return switch (problem) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
    }

    private static int statusOf(RunProblem.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT, ELSEWHERE, UNREADABLE -> 409;
            case TOO_MANY -> 429;
        };
    }

    static void respond(Context ctx, int status, String code, String message, Map<String, Object> details) {
        ctx.status(status).json(ErrorBody.of(code, message, details));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    private static String messageFor(int status, String fallback) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "The request body is larger than this server accepts.";
            default -> fallback != null && !fallback.isBlank() ? fallback : HttpStatus.forStatus(status).getMessage();
        };
    }
}
