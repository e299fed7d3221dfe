package dev.faultlab.account;

import dev.faultlab.store.db.tables.records.UsersRecord;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.USERS;

/** The users table. */
final class UserStore {
    private final DSLContext sql;

    UserStore(DSLContext sql) {
        this.sql = sql;
    }

    /** A user and their password hash, which never leaves this package. */
    record Credentials(User user, String passwordHash) {
    }

    Optional<User> byId(long id) {
        return sql.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional(UserStore::toUser);
    }

    Optional<User> byEmail(String email) {
        return sql.selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetchOptional(UserStore::toUser);
    }

    Optional<Credentials> credentials(String email) {
        return sql.selectFrom(USERS).where(USERS.EMAIL.eq(email))
                .fetchOptional(r -> new Credentials(toUser(r), r.getPasswordHash()));
    }

    Optional<Credentials> credentials(long id) {
        return sql.selectFrom(USERS).where(USERS.ID.eq(id))
                .fetchOptional(r -> new Credentials(toUser(r), r.getPasswordHash()));
    }

    /** Inserts a user, or returns empty when the email is taken (the unique index decides, not a prior read). */
    Optional<User> insert(String email, String displayName, String passwordHash, boolean admin, boolean instructor) {
        return sql.insertInto(USERS)
                .set(USERS.EMAIL, email)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.IS_ADMIN, admin)
                .set(USERS.IS_INSTRUCTOR, instructor)
                .onConflictDoNothing()
                .returning()
                .fetchOptional()
                .map(UserStore::toUser);
    }

    void setPasswordHash(long id, String passwordHash) {
        sql.update(USERS).set(USERS.PASSWORD_HASH, passwordHash).where(USERS.ID.eq(id)).execute();
    }

    void setRoles(long id, boolean admin, boolean instructor) {
        sql.update(USERS).set(USERS.IS_ADMIN, admin).set(USERS.IS_INSTRUCTOR, instructor)
                .where(USERS.ID.eq(id)).execute();
    }

    boolean anyAdmin() {
        return sql.fetchExists(USERS, USERS.IS_ADMIN.isTrue());
    }

    List<User> all() {
        return sql.selectFrom(USERS).orderBy(USERS.EMAIL).fetch(UserStore::toUser);
    }

    static User toUser(UsersRecord r) {
        return new User(r.getId(), r.getEmail(), r.getDisplayName(), r.getIsAdmin(), r.getIsInstructor(),
                Times.instant(r.getCreatedAt()));
    }
}
