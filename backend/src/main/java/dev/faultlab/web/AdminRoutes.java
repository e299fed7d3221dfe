package dev.faultlab.web;

import dev.faultlab.account.AccountService;
import dev.faultlab.account.AuditEvent;
import dev.faultlab.account.AuditLog;
import dev.faultlab.account.User;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.LiveSockets;
import dev.faultlab.web.auth.SessionRoutes.UserView;
import io.javalin.config.RoutesConfig;

import java.util.List;
import java.util.Map;

/** What only administrators do: list users, grant or take away roles, read the audit log. */
final class AdminRoutes {
    private static final int AUDIT_PAGE = 200;

    private AdminRoutes() {
    }

    record UserList(List<UserView> users) {
    }

    record RolesRequest(Boolean isAdmin, Boolean isInstructor) {
    }

    record AuditList(List<AuditEvent> events) {
    }

    static void register(RoutesConfig routes, AccountService accounts, AuditLog audit, LiveSockets sockets) {
        routes.get("/api/admin/users", ctx ->
                ctx.json(new UserList(accounts.users().stream().map(UserView::of).toList())), Access.ADMIN);

        routes.put("/api/admin/users/{userId}/roles", ctx -> {
            RolesRequest request = Requests.body(ctx, RolesRequest.class);
            if (request.isAdmin() == null || request.isInstructor() == null) {
                String missing = request.isAdmin() == null ? "isAdmin" : "isInstructor";
                throw ApiException.badRequest(missing + " must be true or false.", Map.of("field", missing));
            }
            User user = accounts.setRoles(Requests.id(ctx, "userId"), request.isAdmin(), request.isInstructor(),
                    Authn.actor(ctx));
            sockets.endUser(user.id(), "Your roles were changed; reconnect to continue with your rights of now.");
            ctx.json(UserView.of(user));
        }, Access.ADMIN);

        routes.get("/api/admin/audit", ctx -> ctx.json(new AuditList(audit.recent(AUDIT_PAGE))), Access.ADMIN);
    }
}
