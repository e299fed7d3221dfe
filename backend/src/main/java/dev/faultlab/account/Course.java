package dev.faultlab.account;

import java.time.Instant;

/** A course. The join code lets students sign themselves up; only its instructors and administrators see it. */
public record Course(long id, String code, String title, String joinCode, Instant createdAt) {
}
