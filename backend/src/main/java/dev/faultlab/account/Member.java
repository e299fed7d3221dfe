package dev.faultlab.account;

import java.time.Instant;

/** A person enrolled in a course, as the course's instructors see them. */
public record Member(long userId, String email, String displayName, CourseRole role, Instant enrolledAt) {
}
