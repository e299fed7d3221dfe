package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.lab.exercise.Scenario;

import java.util.Map;

/** The parts of lab.yaml that set the explorer up: a scenario's parameters and a search's bounds, with defaults. */
final class ExplorerSpecs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough for the small scenarios labs break: a crash and a few dozen steps; probes off (the result is shortest). */
    static final SearchBounds DEFAULTS = new SearchBounds(40, 1, 0, 50_000, 60_000, 0, 1, 1);

    private ExplorerSpecs() {
    }

    @SuppressWarnings("unchecked")
    static Scenario scenario(JsonNode params) {
        return new Scenario(params == null ? Map.of() : JSON.convertValue(params, Map.class));
    }

    /** {@code search: {maxDepth, maxCrashes, maxDrops, maxStates, maxMillis, probes, probeDepth, seed}}, each optional. */
    static SearchBounds bounds(JsonNode search, String field) {
        if (search == null) {
            return DEFAULTS;
        }
        try {
            return new SearchBounds(search.path("maxDepth").asInt(DEFAULTS.maxDepth()),
                    search.path("maxCrashes").asInt(DEFAULTS.maxCrashes()), search.path("maxDrops").asInt(DEFAULTS.maxDrops()),
                    search.path("maxStates").asLong(DEFAULTS.maxStates()), search.path("maxMillis").asLong(DEFAULTS.maxMillis()),
                    search.path("probes").asInt(DEFAULTS.probes()), search.path("probeDepth").asInt(DEFAULTS.probeDepth()),
                    search.path("seed").asLong(DEFAULTS.seed()));
        } catch (IllegalArgumentException e) {
            throw new LabException(field, e.getMessage());
        }
    }
}
