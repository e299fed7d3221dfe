package dev.faultlab.account;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.ADMIN_SETUP;

/**
 * Accounts and logins: sign-up (by join code or invitation), login and logout, password change, first
 * administrator setup, and administrators granting roles. Every change is audited.
 */
public final class AccountService {
    private static final String BAD_CREDENTIALS = "The email address or the password is not right.";

    private final DSLContext sql;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final String adminEmail;

    public AccountService(DSLContext sql, PasswordHasher hasher, Clock clock, Duration sessionLifetime, String adminEmail) {
        this.sql = sql;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
        this.adminEmail = adminEmail;
    }

    /** The user behind a session cookie, read fresh so a role taken away applies at the next request. */
    public Optional<SignedIn> resume(String token) {
        return sessions(sql).resume(token);
    }

    public Optional<User> user(long id) {
        return new UserStore(sql).byId(id);
    }

    /** Checks the password and starts a new session; the browser's previous session, if any, ends (rotation). */
    public Login login(String rawEmail, String password, String previousToken, String address) {
        String email = Inputs.email("email", rawEmail);
        if (password == null || password.isEmpty()) {
            throw AccountException.invalid("password", "Please enter your password.");
        }
        LoginThrottle throttle = new LoginThrottle(sql, clock);
        AuditLog audit = new AuditLog(sql);
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(email, address);
        } catch (AccountException e) {
            audit.record(Actor.anonymous(address), AuditAction.LOGIN_THROTTLED, email, Map.of());
            throw e;
        }
        Optional<UserStore.Credentials> credentials = new UserStore(sql).credentials(email);
        boolean tooLong = password.length() > Inputs.MAX_PASSWORD_LENGTH;
        boolean matches = hasher.matches(tooLong ? "" : password, credentials.map(UserStore.Credentials::passwordHash).orElse(null));
        if (credentials.isEmpty() || tooLong || !matches) {
            audit.record(Actor.anonymous(address), AuditAction.LOGIN_FAILED, email,
                    Map.of("reason", credentials.isEmpty() ? "no such account" : "wrong password"));
            throw new AccountException(AccountException.Problem.BAD_CREDENTIALS, BAD_CREDENTIALS, Map.of());
        }
        User user = credentials.get().user();
        throttle.succeeded(attempt);
        Sessions sessions = sessions(sql);
        sessions.end(previousToken);
        NewSession session = sessions.start(user.id(), address);
        audit.record(Actor.user(user.id(), address), AuditAction.LOGIN_SUCCEEDED, email, Map.of());
        return new Login(user, session);
    }

    public void logout(String token, Actor actor) {
        sessions(sql).end(token);
        new AuditLog(sql).record(actor, AuditAction.LOGOUT, null, Map.of());
    }

    /**
     * Creates an account that joins a course by its join code or by an invitation. The answer is the same whether
     * the address had an account already or not (nothing is changed then), so sign-up cannot tell who has an account;
     * the person logs in next, which succeeds only with the password of the account. The join code or invitation is
     * checked before the password is hashed, so bad codes cost no hashing, and sign-ups are rate limited per address.
     */
    public void signUp(SignUp request, String address) {
        String email = Inputs.email("email", request.email());
        String name = Inputs.displayName("displayName", request.displayName());
        String password = Inputs.password("password", request.password());
        boolean byCode = request.joinCode() != null && !request.joinCode().isBlank();
        boolean byInvitation = request.invitation() != null && !request.invitation().isBlank();
        if (byCode == byInvitation) {
            throw AccountException.invalid("joinCode", byCode
                    ? "Use either a join code or an invitation, not both."
                    : "Enter your course's join code, or open the invitation link your instructor sent you.");
        }
        SignUpThrottle throttle = new SignUpThrottle(sql, clock);
        long attempt = throttle.begin(address);
        entryFor(sql, request, byCode, email);
        String hash = hasher.hash(password);
        sql.transaction(tx -> {
            DSLContext db = tx.dsl();
            CourseEntry entry = entryFor(db, request, byCode, email);
            throttle.accepted(db, attempt);
            Optional<User> created = new UserStore(db).insert(email, name, hash, false, false);
            if (created.isEmpty()) {
                new AuditLog(db).record(Actor.anonymous(address), AuditAction.SIGN_UP_FOR_EXISTING_ACCOUNT, email,
                        Map.of("courseId", entry.courseId(), "via", entry.via()));
                return;
            }
            User user = created.get();
            Actor actor = Actor.user(user.id(), address);
            new AuditLog(db).record(actor, AuditAction.SIGNED_UP, email, Map.of("courseId", entry.courseId(), "via", entry.via()));
            if (byInvitation && !new InvitationStore(db).accept(Inputs.token("invitation", request.invitation()), clock.instant())) {
                throw AccountException.invalid("invitation", "This invitation was used already.");
            }
            enroll(db, actor, entry.courseId(), user.id(), entry.role(), entry.via());
        });
    }

    private CourseEntry entryFor(DSLContext db, SignUp request, boolean byCode, String email) {
        return byCode ? courseForJoinCode(db, request.joinCode()) : courseForInvitation(db, request.invitation(), email);
    }

    /** A signed-in user joins another course as a student. */
    public Membership joinCourse(long userId, String joinCode, String address) {
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            CourseEntry entry = courseForJoinCode(db, joinCode);
            enroll(db, Actor.user(userId, address), entry.courseId(), userId, CourseRole.STUDENT, entry.via());
            return membership(db, entry.courseId(), userId);
        });
    }

    /** A signed-in user accepts an invitation addressed to their email address. */
    public Membership acceptInvitation(User user, String token, String address) {
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Optional<Membership> already = acceptedBy(db, user, token);
            if (already.isPresent()) {
                return already.get();
            }
            CourseEntry entry = courseForInvitation(db, token, user.email());
            if (!new InvitationStore(db).accept(Inputs.token("invitation", token), clock.instant())) {
                throw AccountException.invalid("invitation", "This invitation was used already.");
            }
            Actor actor = Actor.user(user.id(), address);
            EnrollmentStore enrollments = new EnrollmentStore(db);
            Optional<CourseRole> before = enrollments.roleOf(entry.courseId(), user.id());
            if (before.isEmpty()) {
                enroll(db, actor, entry.courseId(), user.id(), entry.role(), entry.via());
            } else if (before.get() == CourseRole.STUDENT && entry.role() == CourseRole.INSTRUCTOR) {
                enrollments.promote(entry.courseId(), user.id());
                new AuditLog(db).record(actor, AuditAction.ROLES_CHANGED, "course:" + entry.courseId(),
                        Map.of("userId", user.id(), "from", CourseRole.STUDENT.name(), "to", CourseRole.INSTRUCTOR.name()));
            }
            return membership(db, entry.courseId(), user.id());
        });
    }

    /**
     * Accepting again is harmless for the invited person: signing up with an invitation uses it, and the sign-up page
     * then logs in and accepts it, not knowing whether the address had an account before.
     */
    private static Optional<Membership> acceptedBy(DSLContext db, User user, String token) {
        return new InvitationStore(db).find(Inputs.token("invitation", token))
                .filter(i -> i.accepted() && i.email().equals(user.email()))
                .filter(i -> new EnrollmentStore(db).roleOf(i.courseId(), user.id()).isPresent())
                .map(i -> membership(db, i.courseId(), user.id()));
    }

    public InvitationPreview previewInvitation(String token) {
        Invitation invitation = usableInvitation(sql, token);
        Course course = new CourseStore(sql).byId(invitation.courseId()).orElseThrow();
        return new InvitationPreview(invitation.email(), course.code(), course.title(), invitation.role());
    }

    /** Changes the password after checking the current one, ends every session of the user and starts a new one. */
    public Login changePassword(long userId, String currentPassword, String newPassword, String address) {
        UserStore users = new UserStore(sql);
        UserStore.Credentials credentials = users.credentials(userId).orElseThrow();
        String email = credentials.user().email();
        LoginThrottle throttle = new LoginThrottle(sql, clock);
        LoginThrottle.Attempt attempt = throttle.begin(email, address);
        if (currentPassword == null || currentPassword.isEmpty()
                || !hasher.matches(currentPassword, credentials.passwordHash())) {
            throw AccountException.invalid("currentPassword", "The current password is not right.");
        }
        throttle.succeeded(attempt);
        String password = Inputs.password("newPassword", newPassword);
        if (password.equals(currentPassword)) {
            throw AccountException.invalid("newPassword", "The new password must differ from the current one.");
        }
        String hash = hasher.hash(password);
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            new UserStore(db).setPasswordHash(userId, hash);
            Sessions sessions = sessions(db);
            sessions.endAllFor(userId);
            NewSession session = sessions.start(userId, address);
            new AuditLog(db).record(Actor.user(userId, address), AuditAction.PASSWORD_CHANGED, email, Map.of());
            return new Login(credentials.user(), session);
        });
    }

    /** Whether the one-time administrator setup link is waiting to be used. */
    public boolean setupPending() {
        return sql.fetchExists(ADMIN_SETUP);
    }

    public String adminEmail() {
        return adminEmail;
    }

    /** Uses the one-time setup link: creates the first administrator and signs them in. */
    public Login completeSetup(String token, String displayName, String password, String address) {
        String name = Inputs.displayName("displayName", displayName);
        String checked = Inputs.password("password", password);
        String setupToken = Inputs.token("token", token);
        String hash = hasher.hash(checked);
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            int used = db.deleteFrom(ADMIN_SETUP).where(ADMIN_SETUP.TOKEN_HASH.eq(Tokens.hash(setupToken))).execute();
            if (used == 0) {
                throw AccountException.invalid("token", "This setup link is not valid: it was used already, or the "
                        + "server printed a newer one at its last start.");
            }
            User admin = new UserStore(db).insert(adminEmail, name, hash, true, true)
                    .orElseThrow(() -> AccountException.conflict("token", "An account with " + adminEmail
                            + " exists already; set FAULTLAB_ADMIN_EMAIL to another address."));
            new AuditLog(db).record(Actor.user(admin.id(), address), AuditAction.ADMIN_SETUP, adminEmail, Map.of());
            return new Login(admin, sessions(db).start(admin.id(), address));
        });
    }

    public List<User> users() {
        return new UserStore(sql).all();
    }

    /** An administrator grants or takes away the administrator role and the right to create courses. */
    public User setRoles(long userId, boolean admin, boolean instructor, Actor actor) {
        if (actor.userId().equals(Optional.of(userId)) && !admin) {
            throw AccountException.conflict("isAdmin", "You cannot take away your own administrator role; "
                    + "another administrator can.");
        }
        return sql.transactionResult(tx -> {
            UserStore users = new UserStore(tx.dsl());
            User before = users.byId(userId).orElseThrow(() -> AccountException.notFound("There is no such user."));
            users.setRoles(userId, admin, instructor);
            new AuditLog(tx.dsl()).record(actor, AuditAction.ROLES_CHANGED, before.email(), Map.of(
                    "userId", userId,
                    "isAdmin", Map.of("from", before.isAdmin(), "to", admin),
                    "isInstructor", Map.of("from", before.isInstructor(), "to", instructor)));
            return users.byId(userId).orElseThrow();
        });
    }

    /** Where a sign-up or join leads: a course, the role there, and how it was reached (for the audit log). */
    private record CourseEntry(long courseId, CourseRole role, String via) {
    }

    private static CourseEntry courseForJoinCode(DSLContext db, String rawCode) {
        String code = Inputs.joinCode("joinCode", rawCode);
        Course course = new CourseStore(db).byJoinCode(code).orElseThrow(() -> AccountException.invalid("joinCode",
                "No course has this join code. Check it with your instructor; it may have been replaced."));
        return new CourseEntry(course.id(), CourseRole.STUDENT, "join_code");
    }

    private CourseEntry courseForInvitation(DSLContext db, String token, String email) {
        Invitation invitation = usableInvitation(db, token);
        if (!invitation.email().equals(email)) {
            throw AccountException.invalid("email", "This invitation is for another email address.");
        }
        return new CourseEntry(invitation.courseId(), invitation.role(), "invitation");
    }

    private Invitation usableInvitation(DSLContext db, String token) {
        return new InvitationStore(db).find(Inputs.token("invitation", token))
                .filter(i -> !i.accepted() && clock.instant().isBefore(i.expiresAt()))
                .orElseThrow(() -> AccountException.invalid("invitation",
                        "This invitation is not valid any more. Ask your instructor for a new one."));
    }

    private static void enroll(DSLContext db, Actor actor, long courseId, long userId, CourseRole role, String via) {
        if (new EnrollmentStore(db).enroll(courseId, userId, role)) {
            new AuditLog(db).record(actor, AuditAction.ENROLLED, "course:" + courseId,
                    Map.of("userId", userId, "role", role.name(), "via", via));
        }
    }

    private static Membership membership(DSLContext db, long courseId, long userId) {
        Course course = new CourseStore(db).byId(courseId).orElseThrow();
        return new Membership(course, new EnrollmentStore(db).roleOf(courseId, userId).orElseThrow());
    }

    private Sessions sessions(DSLContext db) {
        return new Sessions(db, clock, sessionLifetime);
    }
}
