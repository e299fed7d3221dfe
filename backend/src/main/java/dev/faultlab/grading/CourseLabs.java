package dev.faultlab.grading;

import dev.faultlab.account.Course;
import dev.faultlab.account.CourseLab;
import dev.faultlab.account.CourseService;
import dev.faultlab.lab.Lab;
import dev.faultlab.lab.LabCatalog;

import java.util.List;
import java.util.Optional;

/** Finds the labs a course uses, loaded from the catalog. */
final class CourseLabs {
    private final CourseService courses;
    private final LabCatalog catalog;

    CourseLabs(CourseService courses, LabCatalog catalog) {
        this.courses = courses;
        this.catalog = catalog;
    }

    /** The lab, if the course uses it and it loads; 404 otherwise. */
    LabInCourse resolve(Course course, String labId) {
        return resolve(course, labId, courses.labs(course.id()).stream().filter(l -> l.labId().equals(labId)).findFirst());
    }

    /** The same, with the course's dates for the lab already read (empty when it does not use the lab). */
    LabInCourse resolve(Course course, String labId, Optional<CourseLab> found) {
        CourseLab dates = found.orElseThrow(() -> GradingException.notFound("The course does not use a lab '" + labId + "'."));
        Lab lab = catalog.lab(labId).orElseThrow(() -> GradingException.notFound(
                "The lab '" + labId + "' cannot be loaded at the moment; the course's instructors can see why."));
        return new LabInCourse(course, dates, lab);
    }

    /** Every lab the course uses that loads, in the course's order (by due date). */
    List<LabInCourse> all(Course course) {
        return courses.labs(course.id()).stream()
                .flatMap(dates -> catalog.lab(dates.labId()).map(lab -> new LabInCourse(course, dates, lab)).stream())
                .toList();
    }
}
