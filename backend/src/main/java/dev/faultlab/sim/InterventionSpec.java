package dev.faultlab.sim;

import java.util.List;

/**
 * One kind of intervention as data: what it is, whether it names a process, and its parameters. The kernel
 * checks interventions against these and {@code GET /api/protocols} hands them to the browser, which builds
 * its forms from them: a kind is described in this one place.
 *
 * @param kind        the kind's name in recipes ({@link FaultKind})
 * @param group       fault, request or message (an action on one message in flight)
 * @param description what it does, for a person
 * @param target      whether it names a process in {@code target}
 * @param params      the parameters it takes
 */
public record InterventionSpec(FaultKind kind, String group, String description, boolean target,
                               List<InterventionParam> params) {

    public InterventionSpec {
        params = List.copyOf(params);
    }
}
