package dev.faultlab.web.auth;

import dev.faultlab.account.User;

/** The signed-in user making the current request, as the handlers see them. */
public record Viewer(long id, String email, String displayName, boolean isAdmin, boolean isInstructor) {
    static Viewer of(User user) {
        return new Viewer(user.id(), user.email(), user.displayName(), user.isAdmin(), user.isInstructor());
    }
}
