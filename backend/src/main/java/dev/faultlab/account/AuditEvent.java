package dev.faultlab.account;

import java.time.Instant;
import java.util.Map;

/** One line of the audit log as an administrator reads it. */
public record AuditEvent(long id, Instant occurredAt, Long actorId, String actorEmail, String action, String subject,
                         Map<String, Object> details, String remoteAddress) {
}
