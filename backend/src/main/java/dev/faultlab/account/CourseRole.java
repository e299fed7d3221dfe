package dev.faultlab.account;

/** What a person is in one course (stored in enrollments.role). */
public enum CourseRole { STUDENT, INSTRUCTOR }
