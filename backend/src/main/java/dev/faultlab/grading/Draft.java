package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An answer a student is still working on, saved as they type so it survives a closed tab. */
public record Draft(String exerciseId, JsonNode answer, Instant savedAt) {
}
