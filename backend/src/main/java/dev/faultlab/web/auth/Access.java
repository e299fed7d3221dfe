package dev.faultlab.web.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route; every /api route and WebSocket declares one or more, e.g.
 * {@code routes.get("/api/courses", handler, Access.SIGNED_IN)}. A route declaring none is refused (see AuthGate).
 * Course-level roles (instructor or student of course X) are checked in the handler with CourseAccess.
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in user. */
    SIGNED_IN,
    /** Users who may create courses (and administrators). */
    INSTRUCTOR,
    /** Administrators only. */
    ADMIN;

    boolean admits(Viewer viewer) {
        return switch (this) {
            case PUBLIC -> true;
            case SIGNED_IN -> viewer != null;
            case INSTRUCTOR -> viewer != null && (viewer.isInstructor() || viewer.isAdmin());
            case ADMIN -> viewer != null && viewer.isAdmin();
        };
    }
}
