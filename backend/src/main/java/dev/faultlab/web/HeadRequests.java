package dev.faultlab.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.InternalRouter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * HEAD under /api is refused with 405 and the methods the address does take. Javalin would answer it 200 for any GET
 * route without running the route or its access check, which tells a client nothing true; and running the GET just to
 * drop its body would cost the database work for nothing. No page of FaultLab sends HEAD to the API.
 */
final class HeadRequests {
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private HeadRequests() {
    }

    static void refuse(Context ctx, InternalRouter router) {
        if (ctx.method() != HandlerType.HEAD || !ctx.path().startsWith("/api/")) {
            return;
        }
        List<String> allowed = Stream.concat(
                        METHODS.stream().filter(method -> router.hasHttpHandlerEntry(method, ctx.path())),
                        // A WebSocket is opened with a GET.
                        router.allWsHandlers().stream().filter(ws -> ws.matches(ctx.path())).map(ws -> HandlerType.GET))
                .map(HandlerType::name).distinct().sorted().toList();
        if (allowed.isEmpty()) {
            throw ApiException.notFound("There is nothing at this address.");
        }
        ctx.header("Allow", String.join(", ", allowed));
        throw new ApiException(405, "method_not_allowed", "The API does not answer HEAD; send "
                + (allowed.contains("GET") ? "GET" : allowed.get(0)) + " instead.",
                Map.of("allowed", allowed));
    }
}
