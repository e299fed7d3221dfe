package dev.faultlab.web.auth;

import dev.faultlab.account.AccountService;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.StatusCode;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open WebSockets of this instance and whose session each belongs to. A socket keeps no rights of its own: its
 * handler asks {@link #viewerNow} before every command (the session and the user's roles as PostgreSQL has them now,
 * so this holds across instances too), and logging out, changing one's password or having one's roles changed
 * closes the sockets concerned here at once, so they stop receiving as well.
 */
public final class LiveSockets {
    /** The close code a socket gets when its session ended or its rights changed: log in (again) and reconnect. */
    public static final int SESSION_ENDED = StatusCode.POLICY_VIOLATION;

    private final AccountService accounts;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    public LiveSockets(AccountService accounts) {
        this.accounts = accounts;
    }

    private record Open(WsContext socket, String sessionToken, long userId) {
    }

    /** Records a socket that passed the upgrade check; its session token and user were set by AuthGate. */
    public void opened(WsContext socket) {
        String token = socket.attribute(Authn.SESSION_TOKEN);
        Viewer viewer = socket.attribute(Authn.VIEWER);
        if (token != null && viewer != null) {
            open.put(socket.sessionId(), new Open(socket, token, viewer.id()));
        }
    }

    public void closed(WsContext socket) {
        open.remove(socket.sessionId());
    }

    /** The socket's user as they are now; empty when the session behind the socket has ended. */
    public Optional<Viewer> viewerNow(WsContext socket) {
        String token = socket.attribute(Authn.SESSION_TOKEN);
        return token == null ? Optional.empty() : accounts.resume(token).map(signedIn -> Viewer.of(signedIn.user()));
    }

    /** Closes the sockets opened with this session (at logout). */
    void endSession(String sessionToken) {
        open.values().stream().filter(o -> o.sessionToken().equals(sessionToken))
                .forEach(o -> close(o, "Your session has ended; log in again."));
    }

    /** Closes every socket of the user (their password or roles changed): they reconnect with their rights of now. */
    public void endUser(long userId, String why) {
        open.values().stream().filter(o -> o.userId() == userId).forEach(o -> close(o, why));
    }

    private void close(Open socket, String why) {
        open.remove(socket.socket().sessionId());
        socket.socket().closeSession(SESSION_ENDED, why);
    }
}
