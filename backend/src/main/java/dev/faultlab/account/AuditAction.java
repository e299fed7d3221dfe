package dev.faultlab.account;

/** What the audit log records; the wire names are what is stored in audit_events.action. */
public enum AuditAction {
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    LOGIN_THROTTLED("login.throttled"),
    LOGOUT("logout"),
    SIGNED_UP("account.created"),
    SIGN_UP_FOR_EXISTING_ACCOUNT("account.sign_up_for_existing"),
    ADMIN_SETUP("admin.setup"),
    PASSWORD_CHANGED("password.changed"),
    ROLES_CHANGED("roles.changed"),
    COURSE_CREATED("course.created"),
    JOIN_CODE_REGENERATED("course.join_code_regenerated"),
    INVITATION_CREATED("invitation.created"),
    ENROLLED("enrollment.added"),
    ENROLLMENT_REMOVED("enrollment.removed"),
    COURSE_LAB_SET("course.lab_set"),
    COURSE_LAB_REMOVED("course.lab_removed"),
    SUBMISSION_GRADED("submission.graded"),
    LAB_REGRADED("lab.regraded");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
