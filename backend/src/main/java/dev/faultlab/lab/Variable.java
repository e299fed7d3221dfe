package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One value a variant draws, as lab.yaml declares it: {@code between: [lo, hi]} a whole number;
 * {@code oneOf: [...]} one of the items; {@code pick: k, from: [...]} k distinct items, in the
 * order of {@code from}; {@code each: N, from: [...]} a list of N draws; {@code each: [R, C]} an R by C
 * matrix of draws. {@code fallback} is the declared default, or null.
 */
public record Variable(String name, Kind kind, JsonNode from, int low, int high, int rows, int columns, JsonNode fallback) {

    public enum Kind { BETWEEN, ONE_OF, PICK, EACH, MATRIX }

    static Variable parse(String name, JsonNode spec) {
        String field = "variables." + name;
        JsonNode fallback = spec.get("default");
        if (spec.has("between")) {
            JsonNode range = spec.get("between");
            int low = range.get(0).asInt();
            int high = range.get(1).asInt();
            if (low > high) {
                throw new LabException(field + ".between", "the low end " + low + " is above the high end " + high);
            }
            return new Variable(name, Kind.BETWEEN, null, low, high, 0, 0, fallback).checked(field);
        }
        if (spec.has("oneOf")) {
            return new Variable(name, Kind.ONE_OF, spec.get("oneOf"), 0, 0, 0, 0, fallback).checked(field);
        }
        JsonNode from = spec.get("from");
        if (spec.has("pick")) {
            int k = spec.get("pick").asInt();
            if (k > from.size()) {
                throw new LabException(field + ".pick", "cannot pick " + k + " distinct items from " + from.size());
            }
            return new Variable(name, Kind.PICK, from, 0, 0, k, 0, fallback).checked(field);
        }
        JsonNode each = spec.get("each");
        if (each.isArray()) {
            return new Variable(name, Kind.MATRIX, from, 0, 0, each.get(0).asInt(), each.get(1).asInt(), fallback).checked(field);
        }
        return new Variable(name, Kind.EACH, from, 0, 0, each.asInt(), 0, fallback).checked(field);
    }

    /** A default that this variable could not have drawn is a mistake in the lab file. */
    private Variable checked(String field) {
        if (fallback != null && !couldDraw(fallback)) {
            throw new LabException(field + ".default", "is not a value this variable can take: " + fallback);
        }
        return this;
    }

    JsonNode draw(SplittableRandom random) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (kind) {
            case BETWEEN -> json.numberNode(low + random.nextInt(high - low + 1));
            case ONE_OF -> from.get(random.nextInt(from.size())).deepCopy();
            case EACH -> list(random, rows);
            case MATRIX -> {
                ArrayNode matrix = json.arrayNode();
                for (int r = 0; r < rows; r++) {
                    matrix.add(list(random, columns));
                }
                yield matrix;
            }
            case PICK -> {
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < from.size(); i++) {
                    indexes.add(i);
                }
                for (int i = indexes.size() - 1; i > 0; i--) {
                    java.util.Collections.swap(indexes, i, random.nextInt(i + 1));
                }
                List<Integer> chosen = new ArrayList<>(indexes.subList(0, rows));
                chosen.sort(null);
                ArrayNode picked = json.arrayNode();
                chosen.forEach(i -> picked.add(from.get(i).deepCopy()));
                yield picked;
            }
        };
    }

    private ArrayNode list(SplittableRandom random, int size) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < size; i++) {
            list.add(from.get(random.nextInt(from.size())).deepCopy());
        }
        return list;
    }

    private boolean couldDraw(JsonNode value) {
        return switch (kind) {
            case BETWEEN -> value.canConvertToInt() && value.asInt() >= low && value.asInt() <= high;
            case ONE_OF -> contains(from, value);
            case EACH -> listOf(value, rows);
            case MATRIX -> {
                boolean ok = value.isArray() && value.size() == rows;
                for (int r = 0; ok && r < rows; r++) {
                    ok = listOf(value.get(r), columns);
                }
                yield ok;
            }
            case PICK -> {
                boolean ok = value.isArray() && value.size() == rows;
                List<JsonNode> seen = new ArrayList<>();
                for (int i = 0; ok && i < value.size(); i++) {
                    ok = contains(from, value.get(i)) && !seen.contains(value.get(i));
                    seen.add(value.get(i));
                }
                yield ok;
            }
        };
    }

    private boolean listOf(JsonNode value, int size) {
        if (!value.isArray() || value.size() != size) {
            return false;
        }
        for (JsonNode item : value) {
            if (!contains(from, item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
