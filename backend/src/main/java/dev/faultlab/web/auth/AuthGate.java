package dev.faultlab.web.auth;

import dev.faultlab.account.AccountService;
import dev.faultlab.account.Login;
import dev.faultlab.account.SignedIn;
import dev.faultlab.account.Tokens;
import dev.faultlab.web.ApiException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one door to the API: identifies the caller from the session cookie, enforces the Access roles each route
 * declares, and checks the CSRF token of state-changing requests. WebSocket upgrades skip Javalin's before handlers,
 * so the same identification and role check is installed for them too, plus an Origin check (a cross-site page must
 * not open a socket with the user's cookie).
 */
public final class AuthGate {
    private final AccountService accounts;
    private final Cookies cookies;
    private final boolean trustProxy;
    private final Duration sessionLifetime;

    public AuthGate(AccountService accounts, boolean secureCookies, boolean trustProxy, Duration sessionLifetime) {
        this.accounts = accounts;
        this.cookies = new Cookies(secureCookies);
        this.trustProxy = trustProxy;
        this.sessionLifetime = sessionLifetime;
    }

    /** Installs the checks on every /api route and every WebSocket. */
    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::checkRequest);
        routes.wsBeforeUpgrade(this::checkWebSocketUpgrade);
    }

    /**
     * Refuses to serve at all when an /api route or a WebSocket declares no Access: forgetting one must be a failed
     * start, not an open door. (Requests to such a route are refused too, should one slip past this check.)
     */
    public static void requireDeclaredAccess(Javalin app) {
        var router = app.unsafe.internalRouter;
        List<String> undeclared = Stream.concat(
                router.allHttpHandlers().stream()
                        .filter(e -> e.endpoint.path.startsWith("/api"))
                        // A socket's own before-upgrade check runs after the gate's, for a socket that declares access.
                        .filter(e -> !e.endpoint.method.name().equals("WEBSOCKET_BEFORE_UPGRADE"))
                        .filter(e -> !declaresAccess(rolesOf(e.endpoint.metadata(Roles.class))))
                        .map(e -> e.endpoint.method + " " + e.endpoint.path),
                router.allWsHandlers().stream()
                        .filter(e -> !declaresAccess(e.getRoles()))
                        .map(e -> "WebSocket " + e.getPath()))
                .toList();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("These routes declare no Access (PUBLIC, SIGNED_IN, INSTRUCTOR or ADMIN): "
                    + undeclared);
        }
    }

    private void checkRequest(Context ctx) {
        if (!ctx.path().startsWith("/api/")) {
            return;
        }
        Set<RouteRole> roles = ctx.routeRoles();
        if (!declaresAccess(roles)) {
            throw new IllegalStateException("Route " + ctx.method() + " " + ctx.endpoint().path + " declares no Access");
        }
        identify(ctx);
        authorize(ctx, roles);
        if (Csrf.changesState(ctx.method())) {
            Csrf.verify(expectedCsrfToken(ctx), ctx.header(Csrf.HEADER));
        }
    }

    private void checkWebSocketUpgrade(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (!declaresAccess(roles)) {
            throw new ApiException(403, "forbidden", "This WebSocket declares no access rule.");
        }
        if (!sameOrigin(ctx)) {
            throw new ApiException(403, "forbidden", "WebSockets may only be opened by FaultLab's own pages.");
        }
        identify(ctx);
        authorize(ctx, roles);
    }

    private void identify(Context ctx) {
        ctx.attribute(Authn.ADDRESS, ClientAddress.of(ctx, trustProxy));
        String token = ctx.cookie(Cookies.SESSION);
        if (token == null || token.isEmpty()) {
            return;
        }
        Optional<SignedIn> signedIn = accounts.resume(token);
        if (signedIn.isPresent()) {
            ctx.attribute(Authn.VIEWER, Viewer.of(signedIn.get().user()));
            ctx.attribute(Authn.SESSION, signedIn.get().session());
            ctx.attribute(Authn.SESSION_TOKEN, token);
        } else {
            cookies.clearSession(ctx);
        }
    }

    private static void authorize(Context ctx, Set<RouteRole> roles) {
        Viewer viewer = Authn.currentUser(ctx).orElse(null);
        if (roles.stream().anyMatch(role -> ((Access) role).admits(viewer))) {
            return;
        }
        if (viewer == null) {
            throw Authn.unauthenticated();
        }
        throw new ApiException(403, "forbidden", "Your account does not have access to this.");
    }

    private String expectedCsrfToken(Context ctx) {
        return Authn.session(ctx).map(s -> s.csrfToken()).orElseGet(() -> ctx.cookie(Cookies.ANONYMOUS_CSRF));
    }

    /** The CSRF token the browser must send back: the session's, or before login one kept in a cookie. */
    String csrfTokenFor(Context ctx) {
        Optional<String> fromSession = Authn.session(ctx).map(s -> s.csrfToken());
        if (fromSession.isPresent()) {
            return fromSession.get();
        }
        String anonymous = ctx.cookie(Cookies.ANONYMOUS_CSRF);
        if (anonymous == null || anonymous.isEmpty()) {
            anonymous = Tokens.newToken();
            cookies.setAnonymousCsrf(ctx, anonymous);
        }
        return anonymous;
    }

    /** Hands the browser its new session; the cookie is the only place the token ever leaves the server. */
    void signIn(Context ctx, Login login) {
        cookies.setSession(ctx, login.session().token(), sessionLifetime);
        ctx.attribute(Authn.VIEWER, Viewer.of(login.user()));
        ctx.attribute(Authn.SESSION, login.session().session());
        ctx.attribute(Authn.SESSION_TOKEN, login.session().token());
    }

    void signOut(Context ctx) {
        cookies.clearSession(ctx);
        ctx.req().removeAttribute(Authn.VIEWER);
        ctx.req().removeAttribute(Authn.SESSION);
        ctx.req().removeAttribute(Authn.SESSION_TOKEN);
    }

    private boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        String host = trustProxy && ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.header("Host");
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<RouteRole> rolesOf(Roles roles) {
        return roles == null ? Set.of() : roles.getRoles();
    }

    /** Only FaultLab's own roles count: a role of some other kind would never be admitted anyway. */
    private static boolean declaresAccess(Set<RouteRole> roles) {
        return !roles.isEmpty() && roles.stream().allMatch(Access.class::isInstance);
    }
}
