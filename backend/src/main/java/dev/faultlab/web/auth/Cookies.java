package dev.faultlab.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;
import java.util.Locale;

/**
 * The session cookie and, before login, the cookie holding an anonymous CSRF token. Both are HttpOnly (scripts never
 * read them) and SameSite=Lax (not sent on cross-site POSTs); Secure over HTTPS or when configured.
 */
final class Cookies {
    static final String SESSION = "faultlab_session";
    static final String ANONYMOUS_CSRF = "faultlab_csrf";

    private final boolean alwaysSecure;

    Cookies(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    void setSession(Context ctx, String token, Duration lifetime) {
        ctx.cookie(cookie(ctx, SESSION, token, (int) lifetime.toSeconds()));
    }

    void clearSession(Context ctx) {
        ctx.cookie(cookie(ctx, SESSION, "", 0));
    }

    /** Lives as long as the browser session: it only protects anonymous forms (login, sign-up, setup). */
    void setAnonymousCsrf(Context ctx, String token) {
        ctx.cookie(cookie(ctx, ANONYMOUS_CSRF, token, -1));
    }

    /** A proxy that ends TLS says so in X-Forwarded-Proto; believing it can only make the cookie stricter. */
    boolean secure(Context ctx) {
        String forwardedProto = ctx.header("X-Forwarded-Proto");
        return alwaysSecure || "https".equalsIgnoreCase(ctx.scheme())
                || (forwardedProto != null && forwardedProto.trim().toLowerCase(Locale.ROOT).startsWith("https"));
    }

    private Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, secure(ctx), true, null, SameSite.LAX);
    }
}
