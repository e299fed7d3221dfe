package dev.faultlab.lab;

import dev.faultlab.explore.SearchBounds;
import dev.faultlab.lab.exercise.Scenario;

/**
 * A property a lab claims holds in its scenario (with some parameters replaced, without its faults) within the
 * explorer's bounds: {@code validate} searches for a violation and fails on the first it finds.
 */
public record Claim(String property, Scenario scenario, SearchBounds bounds) {
}
