package dev.faultlab.account;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.INVITATIONS;

/** Invitations, looked up by the hash of their token. */
final class InvitationStore {
    private final DSLContext sql;

    InvitationStore(DSLContext sql) {
        this.sql = sql;
    }

    void insert(String token, Invitation invitation, long invitedBy) {
        sql.insertInto(INVITATIONS)
                .set(INVITATIONS.TOKEN_HASH, Tokens.hash(token))
                .set(INVITATIONS.COURSE_ID, invitation.courseId())
                .set(INVITATIONS.EMAIL, invitation.email())
                .set(INVITATIONS.ROLE, invitation.role().name())
                .set(INVITATIONS.INVITED_BY, invitedBy)
                .set(INVITATIONS.EXPIRES_AT, Times.utc(invitation.expiresAt()))
                .execute();
    }

    Optional<Invitation> find(String token) {
        return sql.selectFrom(INVITATIONS).where(INVITATIONS.TOKEN_HASH.eq(Tokens.hash(token)))
                .fetchOptional(r -> new Invitation(r.getCourseId(), r.getEmail(), CourseRole.valueOf(r.getRole()),
                        Times.instant(r.getExpiresAt()), r.getAcceptedAt() != null));
    }

    /** Marks it used, unless it was used or expired already: two tabs cannot both redeem one invitation. */
    boolean accept(String token, Instant now) {
        return sql.update(INVITATIONS).set(INVITATIONS.ACCEPTED_AT, Times.utc(now))
                .where(INVITATIONS.TOKEN_HASH.eq(Tokens.hash(token)), INVITATIONS.ACCEPTED_AT.isNull(),
                        INVITATIONS.EXPIRES_AT.gt(Times.utc(now)))
                .execute() == 1;
    }
}
