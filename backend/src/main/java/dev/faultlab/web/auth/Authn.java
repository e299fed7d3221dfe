package dev.faultlab.web.auth;

import dev.faultlab.account.Actor;
import dev.faultlab.account.Session;
import dev.faultlab.web.ApiException;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * What a handler knows about who is calling. AuthGate fills it in before the handler runs, for HTTP routes and
 * WebSocket upgrades alike (in a socket handler, read {@code wsCtx.attribute(Authn.VIEWER)}).
 */
public final class Authn {
    /** The attribute holding the current Viewer; absent for anonymous requests. */
    public static final String VIEWER = "faultlab.viewer";
    static final String SESSION = "faultlab.session";
    static final String SESSION_TOKEN = "faultlab.sessionToken";
    static final String ADDRESS = "faultlab.address";

    private Authn() {
    }

    /** The signed-in user, if any. */
    public static Optional<Viewer> currentUser(Context ctx) {
        return Optional.ofNullable(ctx.attribute(VIEWER));
    }

    /** The signed-in user; a route declared SIGNED_IN or stricter always has one, anything else answers 401. */
    public static Viewer viewer(Context ctx) {
        return currentUser(ctx).orElseThrow(Authn::unauthenticated);
    }

    /** The caller's network address (X-Forwarded-For only when FAULTLAB_TRUST_PROXY is on). */
    public static String address(Context ctx) {
        String address = ctx.attribute(ADDRESS);
        return address != null ? address : ctx.ip();
    }

    /** Who is acting, for the audit log. */
    public static Actor actor(Context ctx) {
        return currentUser(ctx).map(v -> Actor.user(v.id(), address(ctx))).orElseGet(() -> Actor.anonymous(address(ctx)));
    }

    static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    static Optional<String> sessionToken(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_TOKEN));
    }

    static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "Please log in first.");
    }
}
