package dev.faultlab.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The door every JSON a client sends passes through (request bodies and WebSocket commands): it must be a JSON
 * object, nest at most {@link #MAX_DEPTH} levels, and hold no NUL character, which PostgreSQL cannot store. Every
 * refusal is a 400 in the user's words, never a Java class name.
 */
final class JsonInput {
    /** Far deeper than any recipe, answer or command needs (about 8 levels), far from what breaks a response. */
    static final int MAX_DEPTH = Json.MAX_READ_DEPTH;

    private static final ObjectMapper JSON = Json.mapper();

    private JsonInput() {
    }

    /** {@code text} as a JSON object; {@code what} names it in messages, e.g. "The request body". */
    static ObjectNode object(String text, String what) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw invalid(what + " nests deeper than " + MAX_DEPTH + " levels; nothing FaultLab reads needs that many.",
                    Map.of());
        } catch (JsonMappingException e) {
            // Reading a tree fails to bind only on what trails the value (FAIL_ON_TRAILING_TOKENS).
            throw new ApiException(400, "malformed_json", what + " must hold one JSON value, and more follows it.",
                    location(e.getLocation()));
        } catch (JacksonException e) {
            throw new ApiException(400, "malformed_json", what + " is not valid JSON: " + withoutSource(e.getOriginalMessage())
                    + ".", location(e.getLocation()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw invalid(what + " is empty; it must be a JSON object.", Map.of());
        }
        if (!tree.isObject()) {
            throw invalid(what + " must be a JSON object, not " + BindingErrors.kindOf(tree) + ".", Map.of());
        }
        nulAt(tree, "").ifPresent(field -> {
            throw invalid("Text may not contain the NUL character (\\u0000); " + field + " has one.",
                    Map.of("field", field));
        });
        return (ObjectNode) tree;
    }

    /** The object as a {@code type}; {@code prefix} is where it sits in what the client sent ("" for the whole). */
    static <T> T bind(ObjectNode tree, Class<T> type, String prefix) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw BindingErrors.describe(e, tree, prefix);
        } catch (JacksonException e) {
            throw invalid(withoutSource(e.getOriginalMessage()) + ".", Map.of());
        }
    }

    private static ApiException invalid(String message, Map<String, Object> details) {
        return new ApiException(400, "invalid_body", message, details);
    }

    /** The path of the first text or field name holding a NUL character. */
    private static Optional<String> nulAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = nulAt(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getKey().indexOf('\0') >= 0) {
                return Optional.of(at.replace("\0", "\\u0000"));
            }
            Optional<String> found = nulAt(field.getValue(), at);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Jackson appends where the text came from, which means nothing to the sender. */
    static String withoutSource(String message) {
        String text = message == null ? "" : message;
        int source = text.indexOf(" (start marker at");
        if (source < 0) {
            source = text.indexOf("\n at [Source");
        }
        return (source < 0 ? text : text.substring(0, source)).strip().replaceAll("\\.$", "");
    }

    private static Map<String, Object> location(JsonLocation location) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (location != null && location.getLineNr() > 0) {
            details.put("line", location.getLineNr());
            details.put("column", location.getColumnNr());
        }
        return details;
    }
}
