package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/** The parsed lab.yaml, kept for drawing variants and building reference runs. */
public record LabDefinition(Path folder, JsonNode yaml) {
}
