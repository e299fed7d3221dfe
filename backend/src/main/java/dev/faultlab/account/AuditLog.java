package dev.faultlab.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import static dev.faultlab.store.db.Tables.AUDIT_EVENTS;
import static dev.faultlab.store.db.Tables.USERS;

/**
 * Who did what to whom, when and from where. Callers pass only what is safe to keep: never a password,
 * token or join code a stranger could use.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private static final String RECORD = """
            insert into audit_events (actor_id, action, subject, details, remote_addr)
            values (?, ?, ?, cast(? as jsonb), ?)""";

    private final DSLContext sql;

    public AuditLog(DSLContext sql) {
        this.sql = sql;
    }

    /** Fixed SQL: every submission is audited, so nothing is rendered for it. */
    public void record(Actor actor, AuditAction action, String subject, Map<String, ?> details) {
        String json = write(details);
        sql.connection(c -> {
            try (PreparedStatement s = c.prepareStatement(RECORD)) {
                s.setObject(1, actor.userId().orElse(null), Types.BIGINT);
                s.setString(2, action.wireName());
                s.setString(3, subject);
                s.setString(4, json);
                s.setString(5, actor.address());
                s.executeUpdate();
            }
        });
    }

    /** The newest events first. */
    public List<AuditEvent> recent(int limit) {
        return sql.select(AUDIT_EVENTS.asterisk(), USERS.EMAIL)
                .from(AUDIT_EVENTS).leftJoin(USERS).on(USERS.ID.eq(AUDIT_EVENTS.ACTOR_ID))
                .orderBy(AUDIT_EVENTS.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEvent(r.get(AUDIT_EVENTS.ID), Times.instant(r.get(AUDIT_EVENTS.OCCURRED_AT)),
                        r.get(AUDIT_EVENTS.ACTOR_ID), r.get(USERS.EMAIL), r.get(AUDIT_EVENTS.ACTION),
                        r.get(AUDIT_EVENTS.SUBJECT), read(r.get(AUDIT_EVENTS.DETAILS)), r.get(AUDIT_EVENTS.REMOTE_ADDR)));
    }

    private static String write(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain JSON values", e);
        }
    }

    private static Map<String, Object> read(JSONB details) {
        try {
            return JSON.readValue(details.data(), DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_events.details holds invalid JSON", e);
        }
    }
}
