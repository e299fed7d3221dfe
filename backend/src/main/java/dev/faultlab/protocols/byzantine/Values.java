package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads values out of recipe data. A value is text ("ATTACK") or a whole number, which is used as
 * its decimal text, so a lab may run the algorithm on integers as well as on plans.
 */
final class Values {
    private Values() {
    }

    static String text(String field, Object raw) {
        if (raw instanceof String text && !text.isBlank()) {
            return text;
        }
        if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < Long.MAX_VALUE) {
            return Long.toString(number.longValue());
        }
        throw new RecipeException(field, "must be text or a whole number, got '" + raw + "'");
    }

    static List<String> list(String field, Object raw) {
        if (!(raw instanceof List<?> elements) || elements.isEmpty()) {
            throw new RecipeException(field, "must be a non-empty list of values (text or whole numbers)");
        }
        List<String> values = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            values.add(text(field + "[" + i + "]", elements.get(i)));
        }
        return List.copyOf(values);
    }

    /** The behaviour parameter {@code key}, or {@code fallback} when the fault leaves it out. */
    static List<String> listParam(Map<String, Object> params, String key, List<String> fallback) {
        return params.containsKey(key) ? list(key, params.get(key)) : fallback;
    }

    /** The behaviour parameter {@code key}, or null when the fault leaves it out. */
    static String optionalParam(Map<String, Object> params, String key) {
        return params.containsKey(key) ? text(key, params.get(key)) : null;
    }
}
