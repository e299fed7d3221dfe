package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.run.RunCodec;
import dev.faultlab.web.auth.Viewer;

/**
 * An answer that names a run ({@code {"run": id}}, a find-run exercise's) gets the run's recipe as the server has it,
 * so the grader replays what the student made and the stored answer replays without the run. Only a run the
 * student may see resolves: any other is not found (404), as in the run view.
 */
final class RunAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunAccess runs;

    RunAnswers(RunAccess runs) {
        this.runs = runs;
    }

    JsonNode resolve(Viewer viewer, JsonNode answer) {
        if (answer == null || !answer.isObject() || !answer.hasNonNull("run")) {
            return answer;
        }
        if (!answer.get("run").isTextual()) {
            throw ApiException.badRequest("'run' must be the id of one of your runs.", java.util.Map.of("field", "answer.run"));
        }
        ObjectNode resolved = answer.deepCopy();
        try {
            // The recipe as the server holds it replaces anything the browser sent with the id.
            resolved.set("recipe", JSON.readTree(RunCodec.recipeJson(runs.visible(viewer, answer.get("run").asText()).recipe())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return resolved;
    }
}
