package dev.faultlab.web;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says why a JSON value does not fit what a route expects, in the user's terms: the field, and what belongs there
 * ("a whole number", "true or false", "one of CRASH, RECOVER, ..."), never the Java type Jackson names.
 */
final class BindingErrors {
    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(byte.class, short.class, int.class, long.class,
            Byte.class, Short.class, Integer.class, Long.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(float.class, double.class, Float.class, Double.class,
            BigDecimal.class, Number.class);

    private BindingErrors() {
    }

    /** The refusal for a value that does not bind; {@code sent} is the JSON the path in {@code e} starts from. */
    static ApiException describe(JsonMappingException e, JsonNode sent, String prefix) {
        if (e instanceof InvalidDefinitionException) {
            throw new IllegalStateException("A request type cannot be read from JSON", e);
        }
        List<JsonMappingException.Reference> path = e.getPath();
        String where = join(prefix, path(path));
        JsonNode value = at(sent, path);
        String field = where;
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = join(prefix, path(path.subList(0, Math.max(0, path.size() - 1))));
            message = "Unknown field \"" + unknown.getPropertyName() + "\" in " + (parent.isEmpty() ? "the request" : parent)
                    + "; the fields are: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ".";
        } else if (e.getCause() instanceof InputCoercionException coercion) {
            message = name(field) + " must be " + expected(coercion.getTargetType()) + ", and " + value
                    + " is out of range" + range(coercion.getTargetType()) + ".";
        } else if (e instanceof InvalidFormatException format) {
            message = name(field) + " must be " + expected(format.getTargetType()) + ", got " + value + ".";
        } else if (e instanceof MismatchedInputException mismatch) {
            String wanted = expected(mismatch.getTargetType());
            message = value.isMissingNode() ? name(field) + " is required: " + wanted + "."
                    : name(field) + " must be " + wanted + ", not " + kindOf(value) + ".";
        } else if (e instanceof ValueInstantiationException) {
            Optional<String> nullInList = nullInList(value, where);
            message = nullInList.map(element -> element + " may not be null.")
                    .orElseGet(() -> name(where) + " cannot be used: "
                            + (e.getCause() instanceof IllegalArgumentException bad
                            ? bad.getMessage().replaceAll("\\.$", "") : "a value in it is missing") + ".");
            field = nullInList.orElse(field);
        } else {
            message = name(field) + " cannot be read.";
        }
        return new ApiException(400, "invalid_body", message, field.isEmpty() ? Map.of() : Map.of("field", field));
    }

    /** What a JSON value is, as a person would say it. */
    static String kindOf(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isTextual()) {
            return "text";
        }
        return node.isArray() ? "a list" : "an object";
    }

    /** What belongs where a {@code type} is read. */
    static String expected(Class<?> type) {
        if (type == null || JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "a whole number";
        }
        if (NUMBERS.contains(type)) {
            return "a number";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == UUID.class) {
            return "a UUID such as 0b6a5c1e-47d2-4c8e-9a41-2f0d6f6b9e11";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time such as 2026-12-01T23:59:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return " (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")";
        }
        if (type == long.class || type == Long.class) {
            return " (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")";
        }
        return "";
    }

    private static String name(String field) {
        return field.isEmpty() ? "The request" : field;
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty() || path.isEmpty()) {
            return prefix + path;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    private static JsonNode at(JsonNode sent, List<JsonMappingException.Reference> path) {
        JsonNode node = sent;
        for (JsonMappingException.Reference step : path) {
            JsonNode next = step.getFieldName() != null ? node.get(step.getFieldName())
                    : step.getIndex() >= 0 ? node.get(step.getIndex()) : node;
            if (next == null) {
                return MissingNode.getInstance();
            }
            node = next;
        }
        return node;
    }

    /** Records copy their lists, and a null element in one fails with no path: find it. */
    private static Optional<String> nullInList(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                Optional<String> found = node.get(i).isNull() ? Optional.of(at) : nullInList(node.get(i), at);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Optional<String> found = nullInList(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
