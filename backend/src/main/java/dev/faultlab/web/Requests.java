package dev.faultlab.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Map;
import java.util.Set;

/** Reading what a browser sent, with a 400 naming the field when it is not usable. */
public final class Requests {
    private static final String BODY = "faultlab.body";
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private Requests() {
    }

    /**
     * Checks every JSON body sent to an API route through {@link JsonInput} before the route runs, so no route can
     * meet a body of {@code null}, a NUL character or a thousand levels of nesting. Register it after the access
     * checks: a body is read only for a caller allowed to send it.
     */
    static void checkBodies(RoutesConfig routes) {
        routes.beforeMatched(ctx -> {
            if (ctx.path().startsWith("/api/") && WITH_BODY.contains(ctx.method()) && !ctx.body().isEmpty()) {
                ctx.attribute(BODY, JsonInput.object(ctx.body(), "The request body"));
            }
        });
    }

    /** The JSON body as a record. */
    public static <T> T body(Context ctx, Class<T> type) {
        ObjectNode sent = ctx.attribute(BODY);
        return JsonInput.bind(sent != null ? sent : JsonInput.object(ctx.body(), "The request body"), type, "");
    }

    /** A numeric id from the path, e.g. {@code courseId} in /api/courses/{courseId}. */
    public static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        throw ApiException.badRequest(name + " must be a positive whole number, got '" + raw + "'.", Map.of("field", name));
    }
}
