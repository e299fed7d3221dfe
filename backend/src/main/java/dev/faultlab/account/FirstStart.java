package dev.faultlab.account;

import dev.faultlab.config.ConfigException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.ADMIN_SETUP;

/**
 * Makes sure someone can administer a new installation: creates the administrator from
 * FAULTLAB_ADMIN_PASSWORD, or, with no administrator and no password, issues a one-time setup token.
 */
public final class FirstStart {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final DSLContext sql;
    private final PasswordHasher hasher;

    public FirstStart(DSLContext sql, PasswordHasher hasher) {
        this.sql = sql;
        this.hasher = hasher;
    }

    /**
     * Creates the configured administrator if that account does not exist yet (an existing one keeps the password it
     * has: it may have been changed since). Returns the setup token to print when there is still no administrator.
     */
    public Optional<String> ensureAdministrator(String adminEmail, Optional<String> adminPassword) {
        if (adminPassword.isPresent()) {
            createAdministrator(adminEmail, adminPassword.get());
        }
        if (new UserStore(sql).anyAdmin()) {
            sql.deleteFrom(ADMIN_SETUP).execute();
            return Optional.empty();
        }
        String token = Tokens.newToken();
        // A restart replaces the link: only the hash is stored, so an older link could not be printed again.
        sql.insertInto(ADMIN_SETUP).set(ADMIN_SETUP.TOKEN_HASH, Tokens.hash(token))
                .onConflict(ADMIN_SETUP.SINGLETON).doUpdate().set(ADMIN_SETUP.TOKEN_HASH, Tokens.hash(token))
                .execute();
        return Optional.of(token);
    }

    private void createAdministrator(String email, String password) {
        try {
            Inputs.password("FAULTLAB_ADMIN_PASSWORD", password);
        } catch (AccountException e) {
            throw new ConfigException("FAULTLAB_ADMIN_PASSWORD is too weak: " + e.getMessage());
        }
        UserStore users = new UserStore(sql);
        Optional<User> existing = users.byEmail(email);
        if (existing.isPresent()) {
            if (!existing.get().isAdmin()) {
                log.warn("The account {} (FAULTLAB_ADMIN_EMAIL) exists but is not an administrator; FaultLab does not "
                        + "promote it on its own. Choose another FAULTLAB_ADMIN_EMAIL or let an administrator promote it.",
                        email);
            }
            return;
        }
        users.insert(email, "Administrator", hasher.hash(password), true, true).ifPresent(admin -> {
            new AuditLog(sql).record(Actor.system(), AuditAction.ADMIN_SETUP, email, Map.of("from", "FAULTLAB_ADMIN_PASSWORD"));
            log.info("Created the administrator account {} from FAULTLAB_ADMIN_PASSWORD", email);
        });
    }
}
