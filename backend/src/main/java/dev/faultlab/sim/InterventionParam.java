package dev.faultlab.sim;

/**
 * One parameter of an intervention kind, as data: the kernel checks a fault's params against it and the
 * browser builds the field of its form from it.
 *
 * @param name     key in {@link Fault#params()}
 * @param type     what kind of value it takes
 * @param min      smallest allowed number (INT, NUMBER), or null
 * @param max      largest allowed number (INT, NUMBER, TEXT: its length), or null
 * @param required whether the intervention must give it
 * @param label    what it means, for the form
 */
public record InterventionParam(String name, Type type, Number min, Number max, boolean required, String label) {

    public enum Type {
        /** A whole number within [min, max]. */
        INT,
        /** A number within [min, max]. */
        NUMBER,
        /** A number from 0 to 1. */
        PROBABILITY,
        /** A process id of the run. */
        NODE,
        /** A list of process ids. */
        NODES,
        /** A list of groups, each a list of process ids, no process in two groups. */
        GROUPS,
        BOOLEAN,
        /** Text of at most max characters. */
        TEXT,
        /** The name of a Byzantine behaviour the protocol offers (its own parameters come with it). */
        BEHAVIOUR,
        /** A delay {kind, min, max, mean}. */
        DELAY,
        /** The id of a message in flight. */
        MESSAGE
    }

    /** Checks one value given for this parameter: present if required, of its type, within its range. */
    void check(String field, Object value, Problems problems, int nodes) {
        if (value == null) {
            if (required && type == Type.NODE) {
                problems.node(field, null, nodes);
            } else if (required && type == Type.GROUPS) {
                problems.groups(field, null, nodes);
            } else if (required) {
                problems.add(field, "is required: " + label);
            }
            return;
        }
        switch (type) {
            case INT -> {
                if (!Problems.wholeNumber(value) || !within(((Number) value).doubleValue())) {
                    problems.add(field, "must be a whole number from " + min + " to " + max + ", got " + value);
                }
            }
            case NUMBER -> {
                if (!(value instanceof Number n) || !within(n.doubleValue())) {
                    problems.add(field, "must be a number from " + min + " to " + max + ", got " + value);
                }
            }
            case PROBABILITY -> {
                if (value instanceof Number n) {
                    problems.probability(field, n.doubleValue());
                } else {
                    problems.add(field, "must be a probability between 0 and 1");
                }
            }
            case NODE -> problems.node(field, value, nodes);
            case NODES -> problems.nodeList(field, value, nodes);
            case GROUPS -> problems.groups(field, value, nodes);
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    problems.add(field, "must be true or false");
                }
            }
            case TEXT -> {
                if (!(value instanceof String text) || text.isBlank()) {
                    problems.add(field, "must be text: " + label);
                } else if (max != null && text.length() > max.intValue()) {
                    problems.add(field, "must be at most " + max + " characters, got " + text.length());
                }
            }
            case BEHAVIOUR -> {
                if (!(value instanceof String)) {
                    problems.add(field, "must be the name of a behaviour");
                }
            }
            case DELAY -> {
                if (value instanceof java.util.Map<?, ?> delay) {
                    problems.delay(field, Delay.fromMap(delay));
                } else {
                    problems.add(field, "must be a delay {kind, min, max, mean}");
                }
            }
            case MESSAGE -> {
                if (!(Problems.wholeNumber(value) && ((Number) value).doubleValue() >= 0
                        && ((Number) value).doubleValue() <= Integer.MAX_VALUE)) {
                    problems.add(field, "must be the id of a message in flight (a whole number >= 0), got " + value);
                }
            }
        }
    }

    private boolean within(double value) {
        return (min == null || value >= min.doubleValue()) && (max == null || value <= max.doubleValue());
    }

    static InterventionParam of(String name, Type type, boolean required, String label) {
        return new InterventionParam(name, type, null, null, required, label);
    }

    static InterventionParam range(String name, Type type, Number min, Number max, boolean required, String label) {
        return new InterventionParam(name, type, min, max, required, label);
    }
}
