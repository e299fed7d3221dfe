package dev.faultlab.account;

import java.time.Instant;

/** An instructor's invitation: who is invited, to which course, in which role, until when. */
public record Invitation(long courseId, String email, CourseRole role, Instant expiresAt, boolean accepted) {
}
