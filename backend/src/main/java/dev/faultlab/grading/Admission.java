package dev.faultlab.grading;

import dev.faultlab.account.Course;
import dev.faultlab.account.CourseRole;

import java.util.Optional;

/**
 * Who may submit to a course: the web layer's rule (404 for strangers, 403 for its instructors), applied inside the
 * submit's transaction to the course and role its locking read found, so the check costs no statement of its own and
 * sees the enrollment as the submit does.
 */
@FunctionalInterface
public interface Admission {
    /** The course if the viewer may submit to it; otherwise throws the refusal. */
    Course admit(Optional<Course> course, Optional<CourseRole> role);
}
