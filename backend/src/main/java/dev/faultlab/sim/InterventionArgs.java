package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fault's params as an intervention's reader sees them: typed getters that fall back when a value is missing
 * or of the wrong type (its problem is reported already, and a record read with problems is never applied),
 * and a place to report the kind's own problems under the fault's field.
 */
final class InterventionArgs {
    private final String field;
    private final Map<String, Object> params;
    private final Integer target;
    private final Protocol protocol;
    private final int nodes;
    private final Problems problems;

    InterventionArgs(String field, Map<String, Object> params, Integer target, Protocol protocol, int nodes, Problems problems) {
        this.field = field;
        this.params = params;
        this.target = target;
        this.protocol = protocol;
        this.nodes = nodes;
        this.problems = problems;
    }

    Map<String, Object> params() {
        return params;
    }

    Integer target() {
        return target;
    }

    Protocol protocol() {
        return protocol;
    }

    int nodes() {
        return nodes;
    }

    /** Reports a problem with the field {@code faults[i]} (or {@code fault}) followed by {@code suffix}. */
    void problem(String suffix, String message) {
        problems.add(field + suffix, message);
    }

    void check(InterventionParam param) {
        param.check(field + ".params." + param.name(), params.get(param.name()), problems, nodes);
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    int integer(String name, int fallback) {
        return params.get(name) instanceof Number n ? n.intValue() : fallback;
    }

    long whole(String name, long fallback) {
        return params.get(name) instanceof Number n ? n.longValue() : fallback;
    }

    /** A duration in ticks if the param is given (a null duration ends the fault at once, as it always did), or null. */
    Long duration(String name) {
        return has(name) ? whole(name, 0) : null;
    }

    double number(String name, double fallback) {
        return params.get(name) instanceof Number n ? n.doubleValue() : fallback;
    }

    Double numberOrNull(String name) {
        return params.get(name) instanceof Number n ? n.doubleValue() : null;
    }

    Boolean booleanOrNull(String name) {
        return params.get(name) instanceof Boolean b ? b : null;
    }

    String text(String name) {
        return params.get(name) instanceof String text ? text : null;
    }

    List<Integer> nodeList(String name) {
        return ids(params.get(name));
    }

    List<List<Integer>> groups(String name) {
        List<List<Integer>> groups = new ArrayList<>();
        if (params.get(name) instanceof List<?> list) {
            for (Object group : list) {
                groups.add(ids(group));
            }
        }
        return List.copyOf(groups);
    }

    Delay delayOrNull(String name) {
        return params.get(name) instanceof Map<?, ?> delay ? Delay.fromMap(delay) : null;
    }

    private static List<Integer> ids(Object value) {
        List<Integer> ids = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Number n) {
                    ids.add(n.intValue());
                }
            }
        }
        return List.copyOf(ids);
    }
}
