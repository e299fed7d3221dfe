package dev.faultlab.account;

import java.time.Instant;

/**
 * A person with an account. {@code isInstructor} is the global right to create courses; teaching a
 * particular course is an enrollment with the INSTRUCTOR role.
 */
public record User(long id, String email, String displayName, boolean isAdmin, boolean isInstructor, Instant createdAt) {
}
