package dev.faultlab.account;

/** A course as one person belongs to it. */
public record Membership(Course course, CourseRole role) {
}
