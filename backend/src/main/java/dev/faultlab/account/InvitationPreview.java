package dev.faultlab.account;

/** What the sign-up page shows about an invitation before the person accepts it. */
public record InvitationPreview(String email, String courseCode, String courseTitle, CourseRole role) {
}
