package dev.faultlab.account;

import java.time.Instant;

/** A lab a course uses, by the lab's folder name, with optional opening and due dates. */
public record CourseLab(String labId, Instant opensAt, Instant dueAt) {
}
