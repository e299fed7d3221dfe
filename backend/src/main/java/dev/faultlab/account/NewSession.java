package dev.faultlab.account;

/** A session just started: the token goes into the cookie once and is stored only as a hash. */
public record NewSession(String token, Session session) {
    @Override
    public String toString() {
        return "NewSession[user=" + session.userId() + ", expires=" + session.expiresAt() + "]";
    }
}
