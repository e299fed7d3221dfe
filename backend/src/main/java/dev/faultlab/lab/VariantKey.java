package dev.faultlab.lab;

/**
 * Whose variant of a lab: every drawn value's seed follows from these, so a student in a course
 * always gets the same variant of a lab (and of each exercise, unless its policy draws anew per attempt).
 * {@code practice} is 0 for the graded variant, else the number of one of the student's practice variants,
 * each drawn apart from the graded one; practice never counts.
 */
public record VariantKey(long courseId, long userId, String labId, int practice) {
    public VariantKey {
        if (practice < 0) {
            throw new IllegalArgumentException("practice variants are numbered from 1, got " + practice);
        }
    }

    public VariantKey(long courseId, long userId, String labId) {
        this(courseId, userId, labId, 0);
    }

    public VariantKey practice(int number) {
        return new VariantKey(courseId, userId, labId, number);
    }

    public VariantKey graded() {
        return practice(0);
    }

    public boolean isPractice() {
        return practice > 0;
    }
}
