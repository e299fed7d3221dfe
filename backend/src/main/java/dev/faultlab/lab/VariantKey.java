package dev.faultlab.lab;

/**
 * Whose variant of a lab: every drawn value's seed follows from these, so a student in a course
 * always gets the same variant of a lab (and of each exercise, unless its policy draws anew per attempt).
 */
public record VariantKey(long courseId, long userId, String labId) {
}
