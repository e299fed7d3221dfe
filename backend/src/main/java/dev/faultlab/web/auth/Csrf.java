package dev.faultlab.web.auth;

import dev.faultlab.account.Tokens;
import dev.faultlab.web.ApiException;
import io.javalin.http.HandlerType;

import java.util.Set;

/**
 * Cross-site request forgery protection: every state-changing request must carry, in the X-CSRF-Token header, the
 * token GET /api/session handed out. Another site can make a browser send cookies, but cannot read that token or set
 * a custom header on a cross-origin request.
 */
public final class Csrf {
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private Csrf() {
    }

    public static boolean changesState(HandlerType method) {
        return !SAFE.contains(method);
    }

    /** Refuses the request unless the presented token equals the expected one (compared in constant time). */
    public static void verify(String expected, String presented) {
        if (presented == null || presented.isEmpty()) {
            throw new ApiException(403, "csrf_failed", "The request lacks its " + HEADER
                    + " header. Reload the page and try again.");
        }
        if (!Tokens.sameSecret(expected, presented)) {
            throw new ApiException(403, "csrf_failed", "The request's " + HEADER
                    + " header does not match your session. Reload the page and try again.");
        }
    }
}
