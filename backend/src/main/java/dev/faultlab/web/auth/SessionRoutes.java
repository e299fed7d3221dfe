package dev.faultlab.web.auth;

import dev.faultlab.account.AccountService;
import dev.faultlab.account.InvitationPreview;
import dev.faultlab.account.Login;
import dev.faultlab.account.Membership;
import dev.faultlab.account.SignUp;
import dev.faultlab.account.User;
import dev.faultlab.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Signing in and out: the session (GET to learn who you are and your CSRF token, POST to log in, DELETE to log out),
 * sign-up, password change, the first administrator's setup, and invitations.
 */
public final class SessionRoutes {
    private SessionRoutes() {
    }

    /** A user as they see themselves. */
    public record UserView(long id, String email, String displayName, boolean isAdmin, boolean isInstructor) {
        public static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.displayName(), user.isAdmin(), user.isInstructor());
        }

        static UserView of(Viewer viewer) {
            return new UserView(viewer.id(), viewer.email(), viewer.displayName(), viewer.isAdmin(), viewer.isInstructor());
        }
    }

    /** Who is signed in (null: nobody) and the token to send in X-CSRF-Token. */
    record SessionView(UserView user, String csrfToken) {
    }

    record LoginRequest(String email, String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record SignUpRequest(String email, String displayName, String password, String joinCode, String invitation) {
        @Override
        public String toString() {
            return "SignUpRequest[email=" + email + "]";
        }
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    /** The same for a new address and for one that has an account already: sign-up must not tell them apart. */
    record SignUpAnswer(String message) {
    }

    static final String SIGNED_UP = "Your account is ready: log in with your email address and password. If you had "
            + "an account with this address already, it is unchanged: log in with its password, and join the course "
            + "with its code or invitation on your courses page.";

    record SetupStatus(boolean pending, String email) {
    }

    record SetupRequest(String token, String displayName, String password) {
        @Override
        public String toString() {
            return "SetupRequest[]";
        }
    }

    record InvitationRequest(String invitation) {
    }

    record InvitationView(String email, String courseCode, String courseTitle, String role) {
    }

    /** A course the viewer just joined. */
    public record MembershipView(long courseId, String code, String title, String role) {
        public static MembershipView of(Membership membership) {
            return new MembershipView(membership.course().id(), membership.course().code(), membership.course().title(),
                    membership.role().name());
        }
    }

    public static void register(RoutesConfig routes, AuthGate gate, AccountService accounts, LiveSockets sockets) {
        routes.get("/api/session", ctx -> ctx.json(view(ctx, gate)), Access.PUBLIC);

        routes.post("/api/session", ctx -> {
            LoginRequest request = Requests.body(ctx, LoginRequest.class);
            Login login = accounts.login(request.email(), request.password(), Authn.sessionToken(ctx).orElse(null),
                    Authn.address(ctx));
            gate.signIn(ctx, login);
            ctx.json(view(ctx, gate));
        }, Access.PUBLIC);

        routes.delete("/api/session", ctx -> {
            String token = Authn.sessionToken(ctx).orElseThrow();
            accounts.logout(token, Authn.actor(ctx));
            sockets.endSession(token);
            gate.signOut(ctx);
            ctx.json(view(ctx, gate));
        }, Access.SIGNED_IN);

        routes.post("/api/signup", ctx -> {
            SignUpRequest r = Requests.body(ctx, SignUpRequest.class);
            accounts.signUp(new SignUp(r.email(), r.displayName(), r.password(), r.joinCode(), r.invitation()),
                    Authn.address(ctx));
            ctx.status(202).json(new SignUpAnswer(SIGNED_UP));
        }, Access.PUBLIC);

        routes.put("/api/account/password", ctx -> {
            PasswordChange change = Requests.body(ctx, PasswordChange.class);
            Login login = accounts.changePassword(Authn.viewer(ctx).id(), change.currentPassword(), change.newPassword(),
                    Authn.address(ctx));
            sockets.endUser(login.user().id(), "Your password was changed; log in again.");
            gate.signIn(ctx, login);
            ctx.json(view(ctx, gate));
        }, Access.SIGNED_IN);

        routes.get("/api/setup", ctx -> {
            boolean pending = accounts.setupPending();
            ctx.json(new SetupStatus(pending, pending ? accounts.adminEmail() : null));
        }, Access.PUBLIC);

        routes.post("/api/setup", ctx -> {
            SetupRequest request = Requests.body(ctx, SetupRequest.class);
            Login login = accounts.completeSetup(request.token(), request.displayName(), request.password(),
                    Authn.address(ctx));
            gate.signIn(ctx, login);
            ctx.status(201).json(view(ctx, gate));
        }, Access.PUBLIC);

        routes.post("/api/invitations/preview", ctx -> {
            InvitationPreview preview = accounts.previewInvitation(Requests.body(ctx, InvitationRequest.class).invitation());
            ctx.json(new InvitationView(preview.email(), preview.courseCode(), preview.courseTitle(), preview.role().name()));
        }, Access.PUBLIC);

        routes.post("/api/invitations/accept", ctx -> {
            String invitation = Requests.body(ctx, InvitationRequest.class).invitation();
            User user = accounts.user(Authn.viewer(ctx).id()).orElseThrow(Authn::unauthenticated);
            ctx.json(MembershipView.of(accounts.acceptInvitation(user, invitation, Authn.address(ctx))));
        }, Access.SIGNED_IN);
    }

    private static SessionView view(Context ctx, AuthGate gate) {
        return new SessionView(Authn.currentUser(ctx).map(UserView::of).orElse(null), gate.csrfTokenFor(ctx));
    }
}
