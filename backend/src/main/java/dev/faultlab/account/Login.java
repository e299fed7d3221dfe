package dev.faultlab.account;

/** A user who just signed in (login, sign-up, setup or password change), with their new session. */
public record Login(User user, NewSession session) {
}
