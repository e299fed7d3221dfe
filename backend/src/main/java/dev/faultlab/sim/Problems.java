package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The problems found while checking a recipe, each with its field, and the checks shared by its parts. */
final class Problems {
    private final List<RecipeException.Problem> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new RecipeException.Problem(field, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() {
        if (any()) {
            throw new RecipeException(found);
        }
    }

    boolean node(String field, Object value, int nodes) {
        if (value == null) {
            add(field, "is required: a node id from 0 to " + (nodes - 1));
            return false;
        }
        if (!wholeNumber(value)) {
            add(field, "must be a node id, got '" + value + "'");
            return false;
        }
        int id = ((Number) value).intValue();
        if (id < 0 || id >= nodes) {
            add(field, "node " + id + " does not exist (n=" + nodes + ")");
            return false;
        }
        return true;
    }

    void nodeList(String field, Object value, int nodes) {
        if (!(value instanceof List<?> list)) {
            add(field, "must be a list of node ids");
            return;
        }
        for (Object element : list) {
            node(field, element, nodes);
        }
    }

    void groups(String field, Object groups, int nodes) {
        if (!(groups instanceof List<?> list) || list.isEmpty()) {
            add(field, "is required: a list of groups, each a list of node ids");
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int g = 0; g < list.size(); g++) {
            if (!(list.get(g) instanceof List<?> members)) {
                add(field + "[" + g + "]", "must be a list of node ids");
                continue;
            }
            for (Object member : members) {
                if (node(field + "[" + g + "]", member, nodes) && !seen.add(((Number) member).intValue())) {
                    add(field + "[" + g + "]", "node " + member + " is in more than one group");
                }
            }
        }
    }

    void probability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            add(field, "must be a probability between 0 and 1, got " + p);
        }
    }

    void delay(String field, Delay d) {
        switch (d.kind() == null ? "" : d.kind()) {
            case "constant" -> {
                if (d.min() < 1 || d.min() > FaultKind.MAX_TICKS) {
                    add(field + ".min", "must be from 1 to " + FaultKind.MAX_TICKS + " ticks");
                }
            }
            case "uniform" -> {
                if (d.min() < 1 || d.max() < d.min() || d.max() > FaultKind.MAX_TICKS) {
                    add(field, "uniform delay needs 1 <= min <= max <= " + FaultKind.MAX_TICKS + ", got " + d.min() + ".." + d.max());
                }
            }
            case "exponential" -> {
                if (!(d.mean() >= 1 && d.mean() <= FaultKind.MAX_TICKS)) {
                    add(field + ".mean", "must be from 1 to " + FaultKind.MAX_TICKS + " ticks");
                }
            }
            default -> add(field + ".kind", "must be constant, uniform or exponential, got '" + d.kind() + "'");
        }
    }

    static boolean wholeNumber(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
    }
}
