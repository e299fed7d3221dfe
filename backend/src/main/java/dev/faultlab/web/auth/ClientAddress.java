package dev.faultlab.web.auth;

import io.javalin.http.Context;

/** The address a request came from, for rate limits and the audit log. */
final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * Behind a trusted reverse proxy, the last X-Forwarded-For entry is the one that proxy added; earlier ones
     * are whatever the client claimed. Without a proxy the header is the client's own invention and is ignored.
     */
    static String of(Context ctx, boolean trustProxy) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (trustProxy && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return ctx.ip();
    }
}
