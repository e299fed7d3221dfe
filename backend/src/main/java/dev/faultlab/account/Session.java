package dev.faultlab.account;

import java.time.Instant;

/** A signed-in browser: whose it is, the CSRF token its state-changing requests must carry, and when it ends. */
public record Session(long userId, String csrfToken, Instant createdAt, Instant expiresAt) {
}
