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

    static InterventionParam of(String name, Type type, boolean required, String label) {
        return new InterventionParam(name, type, null, null, required, label);
    }

    static InterventionParam range(String name, Type type, Number min, Number max, boolean required, String label) {
        return new InterventionParam(name, type, min, max, required, label);
    }
}
