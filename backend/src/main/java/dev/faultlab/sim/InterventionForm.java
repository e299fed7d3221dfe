package dev.faultlab.sim;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One intervention kind's form: its description as data (served to the browser, which builds its forms from it),
 * whether it makes its target faulty, and how its typed record is read from a fault's params once they have
 * been checked against the description.
 *
 * @param openParams whether params beyond the described ones belong to something else (a Byzantine behaviour's)
 */
record InterventionForm(InterventionSpec spec, boolean makesFaulty, boolean openParams, Reader reader) {

    /** Builds the typed record from checked params, adding the kind's own rules (one field against another). */
    @FunctionalInterface
    interface Reader {
        Intervention read(InterventionArgs args);
    }

    static InterventionForm fault(FaultKind kind, String description, boolean makesFaulty, Reader reader, InterventionParam... params) {
        return new InterventionForm(new InterventionSpec(kind, "fault", description, true, List.of(params)), makesFaulty, false, reader);
    }

    static InterventionForm network(FaultKind kind, String description, Reader reader, InterventionParam... params) {
        return new InterventionForm(new InterventionSpec(kind, "fault", description, false, List.of(params)), false, false, reader);
    }

    static InterventionForm request(FaultKind kind, String description, Reader reader, InterventionParam... params) {
        return new InterventionForm(new InterventionSpec(kind, "request", description, true, List.of(params)), false, false, reader);
    }

    static InterventionForm action(FaultKind kind, String description, Reader reader) {
        InterventionParam message = InterventionParam.of("message", InterventionParam.Type.MESSAGE, true,
                "the message (its id, the msg of its SEND)");
        return new InterventionForm(new InterventionSpec(kind, "message", description, false, List.of(message)), false, false, reader);
    }

    /** The same form, taking params beyond the described ones (which something else checks). */
    InterventionForm open() {
        return new InterventionForm(spec, makesFaulty, true, reader);
    }

    /** Checks the params against the description, then reads the typed record; problems go to {@code args}. */
    Intervention read(InterventionArgs args) {
        if (!openParams) {
            Set<String> known = new TreeSet<>();
            spec.params().forEach(param -> known.add(param.name()));
            for (String name : new TreeSet<>(args.params().keySet())) {
                if (!known.contains(name)) {
                    args.problem(".params." + name, "is not a parameter of " + spec.kind()
                            + (known.isEmpty() ? ", which takes none" : "; it takes " + known));
                }
            }
        }
        for (InterventionParam param : spec.params()) {
            args.check(param);
        }
        return reader.read(args);
    }
}
