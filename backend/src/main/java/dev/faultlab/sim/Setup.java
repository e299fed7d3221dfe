package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The shape of one run of a protocol.
 *
 * @param nodes   number of processes
 * @param rounds  number of synchronous rounds, or 0 for an asynchronous protocol
 * @param factory makes process {@code i}; called again on recovery, so it must not share state between calls
 * @param roles   the role of each process (e.g. "server", "client"), by id; every process is a "process" unless
 *                the protocol says otherwise with {@link #withRoles}
 */
public record Setup(int nodes, int rounds, IntFunction<? extends NodeProcess> factory, List<String> roles) {
    public static final String DEFAULT_ROLE = "process";

    public Setup {
        if (roles == null) {
            roles = List.of();
        } else if (!roles.isEmpty() && roles.size() != nodes) {
            throw new IllegalArgumentException("roles must name one role per process: " + nodes + " processes, "
                    + roles.size() + " roles");
        } else {
            roles = List.copyOf(roles);
        }
    }

    public Setup(int nodes, int rounds, IntFunction<? extends NodeProcess> factory) {
        this(nodes, rounds, factory, null);
    }

    public static Setup async(int nodes, IntFunction<? extends AsyncProcess> factory) {
        return new Setup(nodes, 0, factory);
    }

    public static Setup rounds(int nodes, int rounds, IntFunction<? extends RoundProcess> factory) {
        return new Setup(nodes, rounds, factory);
    }

    /** The same setup with a role per process, e.g. {@code node -> node < 3 ? "server" : "client"}. */
    public Setup withRoles(IntFunction<String> roleOf) {
        List<String> named = new ArrayList<>(nodes);
        for (int node = 0; node < nodes; node++) {
            named.add(roleOf.apply(node));
        }
        return new Setup(nodes, rounds, factory, named);
    }

    public String roleOf(int node) {
        return roles.isEmpty() ? DEFAULT_ROLE : roles.get(node);
    }

    public boolean roundBased() {
        return rounds > 0;
    }
}
