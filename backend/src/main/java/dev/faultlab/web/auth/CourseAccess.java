package dev.faultlab.web.auth;

import dev.faultlab.account.Course;
import dev.faultlab.account.CourseRole;
import dev.faultlab.account.CourseService;
import dev.faultlab.web.ApiException;

import java.util.Optional;

/**
 * Course-level access, checked in handlers after the route's Access let the caller in. A course the viewer does not
 * belong to answers 404, exactly like one that does not exist, so its existence does not leak; a student asking for
 * an instructor's action answers 403, as they know the course anyway. Administrators may do everything.
 */
public final class CourseAccess {
    private final CourseService courses;

    public CourseAccess(CourseService courses) {
        this.courses = courses;
    }

    /** The viewer's role in the course; empty for non-members, including administrators who are not enrolled. */
    public Optional<CourseRole> roleIn(Viewer viewer, long courseId) {
        return courses.roleOf(courseId, viewer.id());
    }

    /** True for the course's instructors and for administrators. */
    public boolean isInstructor(Viewer viewer, long courseId) {
        return viewer.isAdmin() || roleIn(viewer, courseId).filter(r -> r == CourseRole.INSTRUCTOR).isPresent();
    }

    /** The course, if the viewer belongs to it (or administers FaultLab); otherwise 404. */
    public Course requireMember(Viewer viewer, long courseId) {
        Course course = courses.course(courseId).orElseThrow(CourseAccess::noSuchCourse);
        if (!viewer.isAdmin() && roleIn(viewer, courseId).isEmpty()) {
            throw noSuchCourse();
        }
        return course;
    }

    /** The course, if the viewer teaches it (or administers FaultLab); 403 for its students, 404 for everyone else. */
    public Course requireInstructor(Viewer viewer, long courseId) {
        Course course = requireMember(viewer, courseId);
        if (!isInstructor(viewer, courseId)) {
            throw new ApiException(403, "forbidden", "Only the course's instructors can do this.");
        }
        return course;
    }

    /**
     * The course, if the viewer studies in it: 403 for its instructors and for administrators who are not enrolled
     * as students (they have no work of their own there), 404 for everyone else.
     */
    public Course requireStudent(Viewer viewer, long courseId) {
        Optional<Course> course = courses.course(courseId);
        return requireStudent(viewer, course, course.isPresent() ? roleIn(viewer, courseId) : Optional.empty());
    }

    /** The same rule, on the course and the viewer's role in it as the caller read them (empty if absent). */
    public Course requireStudent(Viewer viewer, Optional<Course> course, Optional<CourseRole> role) {
        Course found = course.filter(c -> viewer.isAdmin() || role.isPresent()).orElseThrow(CourseAccess::noSuchCourse);
        if (role.filter(r -> r == CourseRole.STUDENT).isEmpty()) {
            throw new ApiException(403, "forbidden", "Only the course's students can do this.");
        }
        return found;
    }

    /**
     * Whether the viewer may see a piece of work (a run, a submission) owned by {@code ownerId}, done in
     * {@code courseId} if it belongs to a course: its owner, that course's instructors, and administrators.
     * Callers answer 404 when this is false, so nobody learns that someone else's work exists.
     */
    public boolean canSeeWorkOf(Viewer viewer, long ownerId, Optional<Long> courseId) {
        return viewer.id() == ownerId || viewer.isAdmin()
                || courseId.map(id -> isInstructor(viewer, id)).orElse(false);
    }

    private static ApiException noSuchCourse() {
        return ApiException.notFound("There is no such course.");
    }
}
