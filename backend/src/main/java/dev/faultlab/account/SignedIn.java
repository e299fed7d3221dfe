package dev.faultlab.account;

/** The user behind a live session. */
public record SignedIn(User user, Session session) {
}
