package dev.faultlab.web;

import io.javalin.http.Context;

import java.util.Map;

/** Reading what a browser sent, with a 400 naming the field when it is not usable. */
public final class Requests {
    private Requests() {
    }

    /** The JSON body as a record; a body of {@code null} is refused like a missing one. */
    public static <T> T body(Context ctx, Class<T> type) {
        T body = ctx.bodyAsClass(type);
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON object as its body.", Map.of());
        }
        return body;
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
